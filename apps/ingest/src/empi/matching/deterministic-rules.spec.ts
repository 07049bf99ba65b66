import { residentIdCheckChar } from '@revisit/domain';
import { DeterministicReason, deterministicVerdict } from './deterministic-rules';
import { type PersonRecord } from './person-record';
import { prepareRecord } from './prepared-record';

const card = (first17: string): string => first17 + residentIdCheckChar(first17);
const CARD_A = card('11010519491231002'); // female, 1949-12-31
const CARD_B = card('11010519491231004'); // another woman born the same day
const verdict = (a: Partial<PersonRecord>, b: Partial<PersonRecord>) =>
  deterministicVerdict(prepareRecord({ id: 'a', name: {}, ...a }, 0), prepareRecord({ id: 'b', name: {}, ...b }, 1));

describe('deterministic rules', () => {
  it('links two records carrying the same valid ID card', () => {
    expect(verdict({ identifiers: { residentIdCard: CARD_A } }, { identifiers: { residentIdCard: CARD_A } })).toEqual({
      outcome: 'match',
      reason: DeterministicReason.SameResidentIdCard,
    });
  });

  it('separates two different valid ID cards (a single typo cannot turn one valid card into another)', () => {
    expect(verdict({ identifiers: { residentIdCard: CARD_A } }, { identifiers: { residentIdCard: CARD_B } })).toEqual({
      outcome: 'non-match',
      reason: DeterministicReason.DifferentResidentIdCards,
    });
  });

  it('ignores a card with a wrong check digit', () => {
    const broken = `${CARD_A.slice(0, 17)}${CARD_A[17] === '1' ? '2' : '1'}`;
    expect(verdict({ identifiers: { residentIdCard: broken } }, { identifiers: { residentIdCard: broken } })).toBe(
      undefined,
    );
  });

  it('does not trust a card whose embedded birth date or sex contradicts the record', () => {
    const same = { identifiers: { residentIdCard: CARD_A } };
    expect(verdict({ ...same, birthDate: '1975-03-08' }, same)).toBe(undefined);
    expect(verdict({ ...same, sex: 'male' }, same)).toBe(undefined);
    expect(verdict({ ...same, birthDate: '1949-12-31', sex: 'female' }, same)?.outcome).toBe('match');
  });

  it('links a shared passport only when birth dates are compatible', () => {
    const passport = { identifiers: { passport: 'E12345678' } };
    expect(verdict({ ...passport, birthDate: '19800512' }, { ...passport, birthDate: '19801205' })?.reason).toBe(
      DeterministicReason.SamePassport,
    );
    expect(verdict({ ...passport, birthDate: '19800512' }, { ...passport, birthDate: '19671130' })).toBe(undefined);
  });
});
