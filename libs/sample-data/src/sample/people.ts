import { residentIdCheckChar } from '@revisit/domain';
import { pinyin } from 'pinyin-pro';
import { GIVEN_NAME_HOMOPHONES, MOBILE_PREFIXES, STREETS, SURNAMES, TRADITIONAL } from '../population/chinese-corpus';
import { type Condition } from './catalogue';
import { type Rng } from './rng';

/** One real person of the sample: the truth every registration is a (slightly different) copy of. */
export interface SamplePerson {
  readonly id: string;
  readonly surname: string;
  readonly given: string;
  readonly sex: 'M' | 'F';
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly idCard: string;
  readonly mobile: string;
  readonly city: string;
  readonly street: string;
  readonly conditions: readonly Condition[];
  /** Another person of the same household (same address, often the same phone). */
  readonly householdOf?: string;
}

/** Where ID cards were issued: mostly Shanghai districts, some from the provinces people moved from. */
const BIRTH_AREAS: readonly string[] = [
  '310115',
  '310115',
  '310115',
  '310104',
  '310107',
  '310110',
  '310112',
  '310101',
  '320102',
  '330106',
  '340104',
  '420106',
  '510107',
  '410105',
  '370102',
  '360102',
];
const DISTRICTS: readonly string[] = ['浦东新区', '浦东新区', '浦东新区', '徐汇区', '杨浦区', '闵行区', '黄浦区'];

const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);
const GIVEN_CHARS = [...GIVEN_NAME_HOMOPHONES.join('')];
const HOMOPHONE_OF = new Map<string, string>();
for (const group of GIVEN_NAME_HOMOPHONES) for (const ch of group) HOMOPHONE_OF.set(ch, group);

export function randomMobile(r: Rng): string {
  return r.pick(MOBILE_PREFIXES) + String(r.int(1e8)).padStart(8, '0');
}

function surname(r: Rng): string {
  let roll = r.next() * SURNAME_TOTAL;
  for (const [name, weight] of SURNAMES) if ((roll -= weight) < 0) return name;
  return SURNAMES[0]![0];
}

/** Age pyramid of an urban outpatient population (years, on the day the sample ends). */
function age(r: Rng): number {
  const roll = r.next();
  if (roll < 0.12) return r.between(3, 17);
  if (roll < 0.45) return r.between(18, 44);
  if (roll < 0.77) return r.between(45, 64);
  return r.between(65, 92);
}

function conditions(r: Rng, years: number, sex: 'M' | 'F'): Condition[] {
  const out: Condition[] = [];
  if (r.chance(years >= 65 ? 0.5 : years >= 45 ? 0.3 : years >= 30 ? 0.05 : 0)) out.push('hypertension');
  if (r.chance(years >= 65 ? 0.22 : years >= 45 ? 0.14 : years >= 30 ? 0.03 : 0)) out.push('diabetes');
  if (r.chance(years >= 30 ? (sex === 'M' ? 0.06 : 0.01) : 0)) out.push('gout');
  return out;
}

/**
 * `count` people with valid GB 11643 ID cards (birth date and sex encoded, unique), mainland mobiles,
 * Shanghai addresses and chronic conditions by age; about one in twelve shares a household (surname,
 * address, often the phone) with the person before.
 */
export function generatePeople(r: Rng, count: number, untilYear: number): SamplePerson[] {
  const usedCards = new Set<string>();
  const people: SamplePerson[] = [];
  const card = (birth: string, sex: 'M' | 'F'): string => {
    for (;;) {
      const sequence = r.int(500) * 2 + (sex === 'M' ? 1 : 0);
      const first17 = `${r.pick(BIRTH_AREAS)}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
      const value = first17 + residentIdCheckChar(first17);
      if (!usedCards.has(value)) {
        usedCards.add(value);
        return value;
      }
    }
  };
  while (people.length < count) {
    const previous = people[people.length - 1];
    const household = previous && !previous.householdOf && r.chance(0.08) ? previous : undefined;
    const sex = r.chance(0.5) ? 'M' : 'F';
    const years = age(r);
    const birth = new Date(Date.UTC(untilYear - years, 0, 1) - r.int(365) * 86_400_000).toISOString().slice(0, 10);
    people.push({
      id: `person-${String(people.length + 1).padStart(6, '0')}`,
      surname: household?.surname ?? surname(r),
      given: r.chance(0.3) ? r.pick(GIVEN_CHARS) : r.pick(GIVEN_CHARS) + r.pick(GIVEN_CHARS),
      sex,
      birthDate: birth,
      idCard: card(birth, sex),
      mobile: household && r.chance(0.6) ? household.mobile : randomMobile(r),
      city: household?.city ?? `上海市${r.pick(DISTRICTS)}`,
      street:
        household?.street ??
        `${r.pick(STREETS)}${r.between(1, 300)}弄${r.between(1, 30)}号${r.between(1, 6)}0${r.between(1, 4)}室`,
      conditions: conditions(r, years, sex),
      ...(household ? { householdOf: household.id } : {}),
    });
  }
  return people;
}

/** The given name as a clerk heard it: one character replaced by a homophone (建 -> 健). */
export function homophoneOf(given: string, r: Rng): string | undefined {
  const chars = [...given];
  const at = chars.findIndex((ch) => (HOMOPHONE_OF.get(ch)?.length ?? 0) > 1);
  if (at < 0) return undefined;
  const options = [...HOMOPHONE_OF.get(chars[at]!)!].filter((ch) => ch !== chars[at]);
  chars[at] = r.pick(options);
  return chars.join('');
}

export function traditionalOf(name: string): string | undefined {
  const converted = [...name].map((ch) => TRADITIONAL[ch] ?? ch).join('');
  return converted === name ? undefined : converted;
}

/** Day and month swapped (a US-style form or a clerk's slip), only when the result is a real date. */
export function swappedBirthDate(birthDate: string): string | undefined {
  const [y, m, d] = birthDate.split('-');
  if (Number(d) > 12 || m === d) return undefined;
  return `${y}-${d}-${m}`;
}

export function romanised(surnameText: string, given: string): { family: string; given: string } {
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  return {
    family: cap(pinyin(surnameText, { toneType: 'none', type: 'array', surname: 'head', v: true }).join('')),
    given: cap(pinyin(given, { toneType: 'none', type: 'array', v: true }).join('')),
  };
}
