import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Repetition, type Hl7Segment } from '../parse/hl7-message';
import { hl7DateToIso } from '../../normalise/date-time';
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
import { comp } from './hl7-values';

/** CX list (PID-3, MRG-1, ...) to identifiers; the assigning authority is HD.1, else its OID (HD.2). */
export function identifiersFromCx(segment: Hl7Segment, field: number): LocalIdentifier[] {
  const out: LocalIdentifier[] = [];
  for (const rep of segment.repetitions(field)) {
    const value = comp(rep, 1);
    if (!value) continue;
    const system = comp(rep, 4, 1) ?? comp(rep, 4, 2) ?? comp(rep, 6, 1);
    const sourceType = comp(rep, 5);
    const type = inferIdentifierType(value, identifierType(sourceType));
    out.push({ value, system, type, ...(type === 'OTHER' && sourceType ? { sourceType } : {}) });
  }
  return out;
}

function sex(code: string | undefined): AdministrativeSex | undefined {
  switch (code?.toUpperCase()) {
    case 'M':
      return 'male';
    case 'F':
      return 'female';
    case 'O':
    case 'A':
    case 'N':
      return 'other';
    case 'U':
      return 'unknown';
    default:
      return undefined;
  }
}

function names(pid: Hl7Segment): NormalisedName[] {
  return pid
    .repetitions(5)
    .map((rep) =>
      makeName(comp(rep, 1), [comp(rep, 2), comp(rep, 3)].filter(Boolean).join(' ') || undefined, comp(rep, 8)),
    )
    .filter((n): n is NormalisedName => n !== undefined);
}

function phoneFrom(rep: Hl7Repetition, fallbackUse: NormalisedPhone['use']): NormalisedPhone | undefined {
  const equipment = comp(rep, 3)?.toUpperCase();
  if (equipment === 'INTERNET' || equipment === 'X.400') return undefined;
  const composed = comp(rep, 7) ? [comp(rep, 5), comp(rep, 6), comp(rep, 7)].filter(Boolean).join('') : undefined;
  const phone = normalisePhone(composed ?? comp(rep, 1) ?? comp(rep, 12));
  if (!phone) return undefined;
  const use = equipment === 'CP' || equipment === 'BP' || phone.mobile ? 'mobile' : fallbackUse;
  return { value: phone.value, use };
}

function addresses(pid: Hl7Segment): NormalisedAddress[] {
  return pid.repetitions(11).flatMap((rep) => {
    const street = [comp(rep, 1), comp(rep, 2)].filter(Boolean).join(' ');
    const parts = [street, comp(rep, 9), comp(rep, 3), comp(rep, 4), comp(rep, 5), comp(rep, 6)].filter(Boolean);
    if (parts.length === 0) return [];
    return [
      {
        text: parts.join(', '),
        city: comp(rep, 3),
        district: comp(rep, 9),
        state: comp(rep, 4),
        postalCode: comp(rep, 5),
        country: comp(rep, 6),
      },
    ];
  });
}

/**
 * PID to a patient snapshot. PID-3 is required (PID-2/PID-4 are read too for pre-2.5 senders that still
 * use them); a resident ID card number that fails its GB 11643 check rejects the message, because the
 * EMPI would link records on it.
 */
export function patientFromPid(pid: Hl7Segment | undefined): PatientSnapshot {
  if (!pid)
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'PID segment is missing', {
      segment: 'PID',
    });
  // Older senders repeat the MRN in PID-2/PID-4; keep each identifier once.
  const seen = new Set<string>();
  const identifiers = [...identifiersFromCx(pid, 3), ...identifiersFromCx(pid, 2), ...identifiersFromCx(pid, 4)].filter(
    (id) => {
      const key = `${id.type}|${id.system ?? ''}|${id.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  );
  const ssn = pid.get('19');
  if (ssn) identifiers.push({ value: ssn, type: 'OTHER', sourceType: 'SS' });
  if (identifiers.length === 0) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'PID-3 holds no patient identifier', {
      segment: 'PID',
      sequence: 1,
      field: 3,
    });
  }
  const pid3Count = identifiersFromCx(pid, 3).length;
  for (const [i, id] of identifiers.entries()) {
    if (checkIdentifier(id)) {
      throw new Hl7RejectionError(
        Hl7RejectionCode.INVALID_IDENTIFIER,
        'Resident ID card number fails the GB 11643 check',
        {
          segment: 'PID',
          sequence: 1,
          field: 3,
          ...(i < pid3Count ? { repetition: i + 1 } : {}),
        },
      );
    }
  }
  const phones = [
    ...pid.repetitions(13).map((r) => phoneFrom(r, 'home')),
    ...pid.repetitions(14).map((r) => phoneFrom(r, 'work')),
  ].filter((p): p is NormalisedPhone => p !== undefined);
  return {
    enterpriseId: null,
    identifiers,
    names: names(pid),
    sex: sex(pid.get('8')),
    birthDate: hl7DateToIso(pid.get('7')),
    phones,
    addresses: addresses(pid),
    ...(pid.get('30')?.toUpperCase() === 'Y' ? { deceased: true } : {}),
  };
}
