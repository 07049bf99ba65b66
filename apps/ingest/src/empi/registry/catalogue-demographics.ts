import { type EventPayload } from '@revisit/domain';
import { type PatientSnapshot } from '../../normalise/normalised-event';
import { asExternalId, identifierSystem } from './source-record-key';

export type Demographics = EventPayload<'revisit.patient.registered.v1'>['demographics'];
type CatalogueName = Demographics['names'][number];
type CataloguePhone = Demographics['phones'][number];

const HAN = /\p{Script=Han}/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const clip = (value: string | undefined, max: number): string | undefined =>
  value && value.length <= max ? value : undefined;

function names(patient: PatientSnapshot): CatalogueName[] {
  return patient.names.flatMap((n): CatalogueName[] => {
    const text = clip(n.text.trim(), 100);
    if (!text) return [];
    const representation = n.script === 'ideographic' || HAN.test(text) ? 'ideographic' : 'alphabetic';
    const family = clip(n.family, 50);
    const given = clip(n.given, 50);
    const pinyin = clip(n.pinyin, 200);
    return [
      {
        representation,
        text,
        ...(family ? { family } : {}),
        ...(given ? { given } : {}),
        ...(representation === 'ideographic' && pinyin ? { pinyin } : {}),
      },
    ];
  });
}

function phones(patient: PatientSnapshot): CataloguePhone[] {
  return patient.phones.flatMap((p): CataloguePhone[] => {
    if (!E164.test(p.value)) return [];
    const use = p.use === 'home' || p.use === 'work' ? p.use : p.use === 'mobile' ? 'primary' : undefined;
    return [{ number: p.value, kind: p.use === 'mobile' ? 'mobile' : 'landline', ...(use ? { use } : {}) }];
  });
}

function address(patient: PatientSnapshot): Demographics['address'] {
  const a = patient.addresses[0];
  if (!a) return undefined;
  const out = {
    ...(clip(a.state, 50) ? { province: a.state } : {}),
    ...(clip(a.city, 50) ? { city: a.city } : {}),
    ...(clip(a.district, 50) ? { district: a.district } : {}),
    ...(clip(a.text, 200) ? { line: a.text } : {}),
    ...(a.postalCode && /^\d{6}$/.test(a.postalCode) ? { postalCode: a.postalCode } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The catalogue's demographics snapshot of a source patient. Values the contract cannot carry (a phone that
 * is not E.164, an over-long name) are left out rather than altered; the source record keeps them.
 */
export function catalogueDemographics(sourceSystem: string, patient: PatientSnapshot): Demographics {
  const addr = address(patient);
  return {
    names: names(patient),
    sex: patient.sex ?? 'unknown',
    ...(patient.birthDate && DATE.test(patient.birthDate) ? { birthDate: patient.birthDate } : {}),
    identifiers: patient.identifiers.flatMap((id) => {
      const value = asExternalId(id.value) === id.value.trim() ? id.value.trim() : undefined;
      return value ? [{ system: identifierSystem(id, sourceSystem), value, type: id.type }] : [];
    }),
    phones: phones(patient),
    ...(addr ? { address: addr } : {}),
    deceased: patient.deceased ?? false,
  };
}

const FIELDS = ['names', 'sex', 'birthDate', 'identifiers', 'phones', 'address', 'deceased'] as const;
export type DemographicField = (typeof FIELDS)[number];

/** Which catalogue fields differ between two snapshots (for `patient.updated.changedFields`). */
export function changedFields(before: Demographics, after: Demographics): DemographicField[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
