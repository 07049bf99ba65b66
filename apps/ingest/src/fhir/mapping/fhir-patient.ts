import { FhirRejectionCode, FhirRejectionError } from '../fhir.errors';
import { checkIdentifier, identifierType, inferIdentifierType } from '../../normalise/identifier';
import {
  type AdministrativeSex,
  type LocalIdentifier,
  type NormalisedAddress,
  type NormalisedName,
  type NormalisedPhone,
  type PatientSnapshot,
} from '../../normalise/normalised-event';
import { makeName } from '../../normalise/person-name';
import { normalisePhone } from '../../normalise/phone';
import { arr, type JsonObject, obj, str, strings } from './json';

/** FHIR identifier.type coding (v2-0203) or a well-known system to our identifier type. */
function fhirIdentifier(identifier: JsonObject): LocalIdentifier | undefined {
  const value = str(identifier, 'value');
  if (!value) return undefined;
  const system = str(identifier, 'system');
  const coding = arr(obj(identifier, 'type'), 'coding')[0];
  const sourceType = str(coding, 'code') ?? str(obj(identifier, 'type'), 'text');
  const type = inferIdentifierType(value, identifierType(sourceType));
  return { value, system, type, ...(type === 'OTHER' && sourceType ? { sourceType } : {}) };
}

function names(patient: JsonObject): NormalisedName[] {
  return arr(patient, 'name')
    .map((n) => {
      const family = str(n, 'family');
      const given = strings(n, 'given').join(' ') || undefined;
      // The iso21090-EN-representation extension carries HL7 v2's I/A/P distinction in FHIR.
      const representation = arr(n, 'extension').find((e) => str(e, 'url')?.endsWith('iso21090-EN-representation'));
      const declared = { IDE: 'I', ABC: 'A', SYL: 'P' }[str(representation, 'valueCode') ?? ''];
      return makeName(family, given, declared, str(n, 'text'));
    })
    .filter((n): n is NormalisedName => n !== undefined);
}

function sex(gender: string | undefined): AdministrativeSex | undefined {
  switch (gender) {
    case 'male':
    case 'female':
    case 'other':
    case 'unknown':
      return gender;
    default:
      return undefined;
  }
}

function phones(patient: JsonObject): NormalisedPhone[] {
  return arr(patient, 'telecom').flatMap((t) => {
    if (str(t, 'system') !== 'phone' && str(t, 'system') !== 'sms') return [];
    const phone = normalisePhone(str(t, 'value'));
    if (!phone) return [];
    const use = str(t, 'use');
    return [
      {
        value: phone.value,
        use: use === 'mobile' || phone.mobile ? 'mobile' : use === 'home' || use === 'work' ? use : 'other',
      },
    ];
  });
}

function addresses(patient: JsonObject): NormalisedAddress[] {
  return arr(patient, 'address').flatMap((a) => {
    const parts = [
      ...strings(a, 'line'),
      str(a, 'district'),
      str(a, 'city'),
      str(a, 'state'),
      str(a, 'postalCode'),
      str(a, 'country'),
    ];
    const text = str(a, 'text') ?? parts.filter(Boolean).join(', ');
    if (!text) return [];
    return [
      {
        text,
        city: str(a, 'city'),
        district: str(a, 'district'),
        state: str(a, 'state'),
        postalCode: str(a, 'postalCode'),
        country: str(a, 'country'),
      },
    ];
  });
}

/** A Patient resource to our snapshot; without identifiers the resource id scoped to the source is used. */
export function patientFromResource(
  patient: JsonObject,
  sourceSystem: string,
  expression = 'Patient',
): PatientSnapshot {
  const identifiers = arr(patient, 'identifier')
    .map(fhirIdentifier)
    .filter((i): i is LocalIdentifier => i !== undefined);
  const id = str(patient, 'id');
  if (identifiers.length === 0 && id) identifiers.push({ value: id, system: `${sourceSystem}/Patient`, type: 'PI' });
  if (identifiers.length === 0) {
    throw new FhirRejectionError(
      FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
      'Patient has neither identifier nor id',
      `${expression}.identifier`,
    );
  }
  if (identifiers.some((i) => checkIdentifier(i))) {
    throw new FhirRejectionError(
      FhirRejectionCode.INVALID_IDENTIFIER,
      'Resident ID card number fails the GB 11643 check',
      `${expression}.identifier`,
    );
  }
  const deceased = patient['deceasedBoolean'] === true || str(patient, 'deceasedDateTime') !== undefined;
  return {
    enterpriseId: null,
    identifiers,
    names: names(patient),
    sex: sex(str(patient, 'gender')),
    birthDate: str(patient, 'birthDate'),
    phones: phones(patient),
    addresses: addresses(patient),
    ...(deceased ? { deceased: true } : {}),
  };
}

/** A reference to a patient we only know by id: the local id scoped to the sender. */
export function patientFromReferenceOnly(
  reference: JsonObject,
  sourceSystem: string,
  expression: string,
): PatientSnapshot {
  const ref = str(reference, 'reference');
  const byIdentifier = obj(reference, 'identifier');
  const identifiers: LocalIdentifier[] = [];
  const logical = byIdentifier ? fhirIdentifier(byIdentifier) : undefined;
  if (logical) identifiers.push(logical);
  const match = ref ? /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(ref) : null;
  if (match) identifiers.push({ value: match[1]!, system: `${sourceSystem}/Patient`, type: 'PI' });
  if (identifiers.length === 0) {
    throw new FhirRejectionError(
      FhirRejectionCode.UNRESOLVED_SUBJECT,
      'Subject is not a resolvable Patient reference',
      expression,
    );
  }
  return { enterpriseId: null, identifiers, names: [], phones: [], addresses: [] };
}
