import { residentIdCheckChar } from '@revisit/domain';
import { pinyin } from 'pinyin-pro';
import { randomInt, seededRandom } from '../seeded-random';
import {
  AREAS,
  type Area,
  GIVEN_NAME_HOMOPHONES,
  MOBILE_PREFIXES,
  STREETS,
  SURNAMES,
  TRADITIONAL,
} from './chinese-corpus';

/** One row of our demographic CSV (`--format revisit`). Empty string = not recorded. */
export interface ChineseRow {
  id: string;
  name: string;
  pinyin: string;
  sex: string;
  birth_date: string;
  id_card: string;
  mobile: string;
  address: string;
}

export const CHINESE_ROW_COLUMNS = [
  'id',
  'name',
  'pinyin',
  'sex',
  'birth_date',
  'id_card',
  'mobile',
  'address',
] as const;

export interface ChinesePopulationOptions {
  readonly people: number;
  /** Share of people registered a second (or further) time in another system, with errors. */
  readonly duplicateRate: number;
  /** Share of people with a family member in the set (same surname, address and often phone). */
  readonly familyRate: number;
  readonly seed: number;
}

export interface ChinesePopulation {
  readonly rows: ChineseRow[];
  /** Ground truth for scoring only: record id -> person key. */
  readonly personOf: Map<string, string>;
}

interface Person {
  key: string;
  surname: string;
  given: string;
  sex: 'M' | 'F';
  birth: string; // YYYYMMDD
  area: Area;
  idCard: string;
  mobile: string;
  address: string;
}

const HOMOPHONE_OF = new Map<string, string>();
for (const group of GIVEN_NAME_HOMOPHONES) for (const ch of group) HOMOPHONE_OF.set(ch, group);
const GIVEN_CHARS = GIVEN_NAME_HOMOPHONES.join('');
const SURNAME_TOTAL = SURNAMES.reduce((sum, [, weight]) => sum + weight, 0);

/**
 * A synthetic Chinese patient population with ground truth, for the EMPI benchmark and the demo:
 * valid resident ID cards (GB 11643-1999), realistic name collisions, family members sharing address
 * and phone, and duplicate registrations carrying homophone and traditional characters, pinyin typos,
 * swapped or mistyped birth dates, missing or mistyped ID cards and changed phones and addresses.
 */
export function generateChinesePopulation(options: ChinesePopulationOptions): ChinesePopulation {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[randomInt(random, items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const usedCards = new Set<string>();

  const pickSurname = (): string => {
    let roll = random() * SURNAME_TOTAL;
    for (const [surname, weight] of SURNAMES) if ((roll -= weight) < 0) return surname;
    return SURNAMES[0]![0];
  };
  const givenName = (): string =>
    chance(0.3) ? pick([...GIVEN_CHARS]) : pick([...GIVEN_CHARS]) + pick([...GIVEN_CHARS]);
  const birthDate = (): string => {
    const day = new Date(Date.UTC(1935, 0, 1) + randomInt(random, 80 * 365.25) * 86_400_000);
    return day.toISOString().slice(0, 10).replace(/-/g, '');
  };
  const idCard = (area: Area, birth: string, sex: 'M' | 'F'): string => {
    for (;;) {
      const sequence = randomInt(random, 500) * 2 + (sex === 'M' ? 1 : 0);
      const first17 = `${area.code}${birth}${String(sequence).padStart(3, '0')}`;
      const card = first17 + residentIdCheckChar(first17);
      if (!usedCards.has(card)) {
        usedCards.add(card);
        return card;
      }
    }
  };
  const mobile = (): string => pick(MOBILE_PREFIXES) + String(randomInt(random, 1e8)).padStart(8, '0');
  const address = (area: Area): string =>
    `${area.province}${area.city}${area.district}${pick(STREETS)}${1 + randomInt(random, 300)}号` +
    `${1 + randomInt(random, 30)}栋${1 + randomInt(random, 6)}单元${1 + randomInt(random, 30)}0${1 + randomInt(random, 4)}室`;

  const people: Person[] = [];
  const newPerson = (family?: Person): Person => {
    const sex = chance(0.5) ? 'M' : 'F';
    const area = family?.area ?? pick(AREAS);
    const birth = birthDate();
    return {
      key: `person-${people.length}`,
      surname: family?.surname ?? pickSurname(),
      given: givenName(),
      sex,
      birth,
      area,
      idCard: idCard(area, birth, sex),
      mobile: family && chance(0.6) ? family.mobile : mobile(),
      address: family?.address ?? address(area),
    };
  };
  while (people.length < options.people) {
    const person = newPerson();
    people.push(person);
    if (people.length < options.people && chance(options.familyRate)) people.push(newPerson(person));
  }

  const rows: ChineseRow[] = [];
  const personOf = new Map<string, string>();
  const ids = shuffledIds(options.people * 3, random);
  const emit = (person: Person, row: Omit<ChineseRow, 'id'>): void => {
    const id = ids[rows.length]!;
    rows.push({ id, ...row });
    personOf.set(id, person.key);
  };
  for (const person of people) {
    emit(person, originalRow(person, chance));
    if (!chance(options.duplicateRate)) continue;
    const copies = 1 + (chance(0.25) ? 1 : 0);
    for (let c = 0; c < copies; c++) emit(person, corruptedRow(person, random, pick, chance, mobile, address));
  }
  return { rows, personOf };
}

function shuffledIds(count: number, random: () => number): string[] {
  const ids = Array.from({ length: count }, (_, i) => `P${String(i).padStart(7, '0')}`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

const dashed = (birth: string): string => `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;

function romanise(surname: string, given: string): string {
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const sur = pinyin(surname, { toneType: 'none', type: 'array', surname: 'head', v: true }).join('');
  const giv = pinyin(given, { toneType: 'none', type: 'array', v: true }).join('');
  return `${cap(sur)} ${cap(giv)}`;
}

function originalRow(person: Person, chance: (p: number) => boolean): Omit<ChineseRow, 'id'> {
  return {
    name: person.surname + person.given,
    pinyin: romanise(person.surname, person.given),
    sex: person.sex,
    birth_date: dashed(person.birth),
    id_card: chance(0.85) ? person.idCard : '',
    mobile: chance(0.92) ? person.mobile : '',
    address: chance(0.9) ? person.address : '',
  };
}

/** Typing errors in pinyin: retroflex/nasal confusions, a dropped or doubled letter. */
function pinyinTypo(text: string, random: () => number): string {
  const roll = random();
  if (roll < 0.3 && /zh|ch|sh/.test(text)) return text.replace(/(z|c|s)h/, '$1');
  if (roll < 0.5 && /ng/.test(text)) return text.replace(/ng/, 'n');
  const at = 1 + randomInt(random, Math.max(1, text.length - 2));
  return roll < 0.75 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + text[at] + text.slice(at);
}

function digitTypo(text: string, random: () => number): string {
  const at = randomInt(random, text.length);
  const digit = String((Number(text[at]) + 1 + randomInt(random, 9)) % 10);
  return text.slice(0, at) + digit + text.slice(at + 1);
}

function corruptedRow(
  person: Person,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  chance: (p: number) => boolean,
  newMobile: () => string,
  newAddress: (area: Area) => string,
): Omit<ChineseRow, 'id'> {
  let given = person.given;
  if (chance(0.25)) {
    given = [...given]
      .map((ch) => (HOMOPHONE_OF.has(ch) && chance(0.6) ? pick([...HOMOPHONE_OF.get(ch)!]) : ch))
      .join('');
  }
  let name = person.surname + given;
  if (chance(0.1)) name = [...name].map((ch) => TRADITIONAL[ch] ?? ch).join('');
  let pinyinText = romanise(person.surname, given);
  if (chance(0.12)) {
    // Registered by romanised name only (foreign-language desk, mis-keyed system), often with a typo.
    name = '';
    pinyinText = pinyinTypo(pinyinText, random);
    if (chance(0.3)) pinyinText = pinyinText.split(' ').reverse().join(' ');
  }
  let birth = person.birth;
  const dateRoll = random();
  if (dateRoll < 0.08 && Number(birth.slice(6, 8)) <= 12)
    birth = birth.slice(0, 4) + birth.slice(6, 8) + birth.slice(4, 6);
  else if (dateRoll < 0.16) birth = digitTypo(birth, random);
  const cardRoll = random();
  const idCard = cardRoll < 0.4 ? '' : cardRoll < 0.46 ? digitTypo(person.idCard, random) : person.idCard;
  const mobileRoll = random();
  const mobile =
    mobileRoll < 0.2
      ? newMobile()
      : mobileRoll < 0.35
        ? `+86 ${person.mobile}`
        : mobileRoll < 0.45
          ? ''
          : person.mobile;
  const addressRoll = random();
  const address =
    addressRoll < 0.1
      ? newAddress(person.area)
      : addressRoll < 0.3
        ? person.address.replace(person.area.province, '')
        : addressRoll < 0.4
          ? ''
          : person.address;
  return {
    name,
    pinyin: pinyinText,
    sex: chance(0.05) ? '' : person.sex === 'M' ? (chance(0.5) ? '男' : 'M') : chance(0.5) ? '女' : 'F',
    birth_date: chance(0.5) ? dashed(birth) : birth,
    id_card: idCard,
    mobile,
    address,
  };
}
