import {
  DENTAL_MRN_SYSTEM,
  DENTAL_SOURCE,
  ERP_SOURCE,
  HIS_SOURCE,
  HOSPITAL_MRN_SYSTEM,
  type SampleSource,
  TCM_MRN_SYSTEM,
  TCM_SOURCE,
} from './organisations';
import { homophoneOf, randomMobile, type SamplePerson, swappedBirthDate, traditionalOf } from './people';
import { type Rng } from './rng';

/** How one system registered a person: the demographics it holds and what differs from the truth. */
export interface Registration {
  readonly personId: string;
  readonly source: SampleSource;
  readonly system: string;
  readonly localId: string;
  readonly surname: string;
  readonly given: string;
  /** Written name when it differs from surname + given (traditional characters). */
  readonly fullName?: string;
  readonly sex: 'M' | 'F';
  readonly birthDate?: string;
  readonly idCard?: string;
  /** As typed at the desk (may carry +86 or spaces). */
  readonly phone?: string;
  readonly address?: string;
  readonly city: string;
  /** What differs from the person's truth, for the EMPI's scoring: homophone, traditional, ... */
  readonly differences: readonly string[];
}

export interface Memberships {
  readonly hospital?: Registration;
  /** A second hospital record (emergency registration without papers): the EMPI must merge it. */
  readonly hospitalDuplicate?: Registration;
  readonly pharmacy?: Registration;
  /** Store codes the member buys at (one, sometimes both). */
  readonly stores: readonly string[];
  readonly dental?: Registration;
  readonly tcm?: Registration;
}

export class LocalIds {
  private readonly counters = new Map<string, number>();
  next(prefix: string, start: number, width: number): string {
    const n = (this.counters.get(prefix) ?? start) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(width, '0')}`;
  }
}

interface Drift {
  readonly homophone: number;
  readonly traditional: number;
  readonly idCard: number;
  readonly phone: number;
  readonly oldPhone: number;
  readonly plus86: number;
  readonly swappedBirth: number;
  readonly address: number;
}

function register(
  person: SamplePerson,
  source: SampleSource,
  system: string,
  localId: string,
  drift: Drift,
  r: Rng,
): Registration {
  const differences: string[] = [];
  let given = person.given;
  if (r.chance(drift.homophone)) {
    const heard = homophoneOf(given, r);
    if (heard) {
      given = heard;
      differences.push('homophone-name');
    }
  }
  let fullName: string | undefined;
  if (r.chance(drift.traditional)) {
    fullName = traditionalOf(person.surname + given);
    if (fullName) differences.push('traditional-characters');
  }
  const idCard = r.chance(drift.idCard) ? person.idCard : undefined;
  if (!idCard) differences.push('no-id-card');
  let birthDate: string | undefined = person.birthDate;
  // A wrong birth date beside a correct ID card would be caught at the desk: only without the card.
  if (!idCard && r.chance(drift.swappedBirth)) {
    const swapped = swappedBirthDate(person.birthDate);
    if (swapped) {
      birthDate = swapped;
      differences.push('day-month-swapped');
    }
  }
  let phone: string | undefined = person.mobile;
  if (!r.chance(drift.phone)) {
    phone = undefined;
    differences.push('no-phone');
  } else if (r.chance(drift.oldPhone)) {
    phone = randomMobile(r);
    differences.push('other-phone');
  } else if (r.chance(drift.plus86)) {
    phone = `+86 ${person.mobile.slice(0, 3)} ${person.mobile.slice(3, 7)} ${person.mobile.slice(7)}`;
    differences.push('formatted-phone');
  }
  const address = r.chance(drift.address) ? person.street : undefined;
  if (!address) differences.push('no-address');
  return {
    personId: person.id,
    source,
    system,
    localId,
    surname: person.surname,
    given,
    ...(fullName ? { fullName } : {}),
    sex: person.sex,
    ...(birthDate ? { birthDate } : {}),
    ...(idCard ? { idCard } : {}),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    city: person.city,
    differences,
  };
}

const HOSPITAL: Drift = {
  homophone: 0,
  traditional: 0,
  idCard: 0.93,
  phone: 0.95,
  oldPhone: 0.04,
  plus86: 0,
  swappedBirth: 0,
  address: 0.9,
};
const HOSPITAL_EMERGENCY: Drift = {
  homophone: 0.35,
  traditional: 0,
  idCard: 0,
  phone: 0.7,
  oldPhone: 0.1,
  plus86: 0,
  swappedBirth: 0.2,
  address: 0.3,
};
const PHARMACY: Drift = {
  homophone: 0.1,
  traditional: 0.04,
  idCard: 0.45,
  phone: 0.97,
  oldPhone: 0.08,
  plus86: 0.12,
  swappedBirth: 0,
  address: 0,
};
const DENTAL: Drift = {
  homophone: 0.08,
  traditional: 0.03,
  idCard: 0.35,
  phone: 0.97,
  oldPhone: 0.06,
  plus86: 0.05,
  swappedBirth: 0.1,
  address: 0.5,
};
const TCM: Drift = {
  homophone: 0.06,
  traditional: 0.05,
  idCard: 0.7,
  phone: 0.95,
  oldPhone: 0.05,
  plus86: 0,
  swappedBirth: 0.05,
  address: 0.6,
};

/** Which systems know the person, and how each registered them. */
export function registerPerson(person: SamplePerson, r: Rng, ids: LocalIds, untilYear: number): Memberships {
  const chronic = person.conditions.length > 0;
  const adult = untilYear - Number(person.birthDate.slice(0, 4)) > 18;
  let hospital = r.chance(chronic ? 0.75 : 0.55);
  const pharmacy = adult && r.chance(chronic ? 0.65 : 0.12);
  const dental = r.chance(0.22);
  const tcm = adult && r.chance(0.16);
  if (!hospital && !pharmacy && !dental && !tcm) hospital = true;
  const stores = ERP_SOURCE.stores!.map((s) => s.code);
  const homeStore = r.chance(0.55) ? stores[0]! : stores[1]!;
  const hospitalRecord = hospital
    ? register(person, HIS_SOURCE, HOSPITAL_MRN_SYSTEM, ids.next('H', 1_000_000, 7), HOSPITAL, r)
    : undefined;
  return {
    ...(hospitalRecord ? { hospital: hospitalRecord } : {}),
    ...(hospitalRecord && r.chance(0.03)
      ? {
          hospitalDuplicate: register(
            person,
            HIS_SOURCE,
            HOSPITAL_MRN_SYSTEM,
            ids.next('H', 1_000_000, 7),
            HOSPITAL_EMERGENCY,
            r,
          ),
        }
      : {}),
    ...(pharmacy
      ? {
          pharmacy: register(person, ERP_SOURCE, `${ERP_SOURCE.id}/member`, ids.next('6688', 0, 8), PHARMACY, r),
        }
      : {}),
    stores: pharmacy ? (r.chance(0.1) ? stores : [homeStore]) : [],
    ...(dental
      ? { dental: register(person, DENTAL_SOURCE, DENTAL_MRN_SYSTEM, ids.next('KQ', 200_000, 6), DENTAL, r) }
      : {}),
    ...(tcm ? { tcm: register(person, TCM_SOURCE, TCM_MRN_SYSTEM, ids.next('ZY', 300_000, 6), TCM, r) } : {}),
  };
}

export function registrationsOf(m: Memberships): Registration[] {
  return [m.hospital, m.hospitalDuplicate, m.pharmacy, m.dental, m.tcm].filter(
    (r): r is Registration => r !== undefined,
  );
}
