import { type PatientSnapshot } from '../../normalise/normalised-event';
import { type PersonName, type PersonRecord } from '../matching';
import { splitRomanisedName } from '../matching/text/chinese-name';

const HAN = /\p{Script=Han}/u;

function personName(patient: PatientSnapshot): PersonName {
  const han = patient.names.find((n) => n.script === 'ideographic' && HAN.test(n.text));
  const latin = patient.names.find(
    (n) => n.script === 'alphabetic' || (n.script !== 'ideographic' && !HAN.test(n.text)),
  );
  if (han) {
    return {
      fullHan: han.text.replace(/\s+/g, ''),
      family: han.family,
      given: han.given,
      ...(latin ? { latin: latin.text } : {}),
    };
  }
  if (latin?.family && latin.given && isPinyin(latin.family, latin.given)) {
    // Romanised Chinese: the matcher compares it by fuzzy pinyin against Han names, surname first.
    return { latin: `${latin.family} ${latin.given}` };
  }
  if (latin) return { family: latin.family, given: latin.given, latin: latin.text };
  return {};
}

/** A romanised name whose family part is exactly a Chinese surname in pinyin (Huang Weidong, not Smith John). */
function isPinyin(family: string, given: string): boolean {
  const surname = family.toLowerCase().replace(/[^a-z]/g, '');
  return splitRomanisedName(`${surname}${given.toLowerCase().replace(/[^a-z]/g, '')}`)?.surname === surname;
}

/**
 * The matcher's view of a source patient. `id` is the source record id, opaque to the matcher; only
 * identifiers with a matching rule (resident ID card, passport, insurance card) are passed on.
 */
export function personRecordFromSnapshot(id: string, patient: PatientSnapshot): PersonRecord {
  const byType = (type: string): string | undefined => patient.identifiers.find((i) => i.type === type)?.value;
  const mobile = patient.phones.find((p) => p.use === 'mobile') ?? patient.phones[0];
  const address = patient.addresses[0];
  const sex = patient.sex === 'male' || patient.sex === 'female' ? patient.sex : undefined;
  const identifiers = {
    ...(byType('NI') ? { residentIdCard: byType('NI') } : {}),
    ...(byType('PPN') ? { passport: byType('PPN') } : {}),
    ...(byType('INS') ? { insuranceCard: byType('INS') } : {}),
  };
  return {
    id,
    name: personName(patient),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(sex ? { sex } : {}),
    ...(Object.keys(identifiers).length > 0 ? { identifiers } : {}),
    ...(mobile ? { mobile: mobile.value } : {}),
    ...(address
      ? { address: { text: address.text, postcode: address.postalCode, state: address.state, suburb: address.city } }
      : {}),
  };
}
