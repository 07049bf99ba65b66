import { type PreparedRecord } from './prepared-record';
import { compareBirthDate } from './comparators/value-comparators';

/** Why a pair was decided without probabilistic scoring. Closed set: reported with each link. */
export enum DeterministicReason {
  SameResidentIdCard = 'same-resident-id-card',
  DifferentResidentIdCards = 'different-resident-id-cards',
  SamePassport = 'same-passport',
  SameInsuranceCard = 'same-insurance-card',
}

export type DeterministicVerdict =
  | { readonly outcome: 'match'; readonly reason: DeterministicReason }
  | { readonly outcome: 'non-match'; readonly reason: DeterministicReason };

/** A stated birth date "agrees" with another when equal or off by one typing error or a day/month swap. */
function birthDatesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return compareBirthDate(a, b) <= 2;
}

function demographicsCompatible(a: PreparedRecord, b: PreparedRecord): boolean {
  const sexOk = !a.statedSex || !b.statedSex || a.statedSex === b.statedSex;
  return sexOk && birthDatesCompatible(a.statedBirthDate, b.statedBirthDate);
}

/** A record whose stated birth date or sex contradicts its own ID card may carry someone else's card. */
function consistentWithOwnCard(record: PreparedRecord): boolean {
  const card = record.idCard;
  if (!card) return false;
  const sexOk = !record.statedSex || record.statedSex === card.sex;
  return sexOk && birthDatesCompatible(record.statedBirthDate, card.birthDate);
}

/**
 * Strong identifiers decide a pair outright. The resident ID card counts only when its MOD 11-2 check
 * character and embedded birth date are valid and agree with each record's stated birth date and sex.
 * Two different valid cards are two people: the check digit catches every single-digit typo and
 * adjacent transposition, so a valid card cannot be a mistyped copy of another valid card.
 * Passport and insurance numbers have no checksum, so they also need compatible demographics.
 * Returns undefined when the probabilistic model must decide.
 */
export function deterministicVerdict(a: PreparedRecord, b: PreparedRecord): DeterministicVerdict | undefined {
  if (a.idCard && b.idCard && consistentWithOwnCard(a) && consistentWithOwnCard(b)) {
    return a.idCard.value === b.idCard.value
      ? { outcome: 'match', reason: DeterministicReason.SameResidentIdCard }
      : { outcome: 'non-match', reason: DeterministicReason.DifferentResidentIdCards };
  }
  if (a.passport && a.passport === b.passport && demographicsCompatible(a, b)) {
    return { outcome: 'match', reason: DeterministicReason.SamePassport };
  }
  if (a.insuranceCard && a.insuranceCard === b.insuranceCard && demographicsCompatible(a, b)) {
    return { outcome: 'match', reason: DeterministicReason.SameInsuranceCard };
  }
  return undefined;
}
