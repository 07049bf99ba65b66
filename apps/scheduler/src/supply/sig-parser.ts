import { type DoseUnit, UNIT_SPELLING_PATTERN, doseUnitOf } from './dose-units';
import { NUMBER_PATTERN, parseSigNumber, toHalfWidth } from './numerals';

/**
 * What a usage instruction (sig) says, as far as it can be read. Fields it does not state stay
 * undefined: the supply calculator flags them for a pharmacist instead of guessing.
 */
export interface ParsedSig {
  /** administrations per day (0.5 for every other day, 1/7 for weekly) */
  readonly timesPerDay?: number;
  /** amount per administration */
  readonly dose?: number;
  readonly doseUnit?: DoseUnit;
  /** a morning-noon-evening pattern such as 1-0-1 gives the daily amount directly */
  readonly dailyAmount?: number;
  /** "as needed": no regular consumption, so no run-out date can be computed */
  readonly asNeeded: boolean;
}

const N = NUMBER_PATTERN;
const UNIT = `(${UNIT_SPELLING_PATTERN})`;

const LATIN_FREQUENCIES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bq\.?o\.?d\.?\b|every other day/, 0.5],
  [/\bq\.?i\.?d\.?\b|four times (a |per )?day|4 times (a |per )?day/, 4],
  [/\bt\.?i\.?d\.?\b|three times (a |per )?day|3 times (a |per )?day|thrice daily/, 3],
  [/\bb\.?i\.?d\.?\b|twice (a |per )?day|twice daily|2 times (a |per )?day/, 2],
  [
    /\bq\.?d\.?\b|\bo\.?d\.?\b|\bq\.?n\.?\b|\bq\.?hs\b|\bh\.?s\.?\b|\bqam\b|\bqpm\b|once (a |per )?day|once daily|\bdaily\b|at bedtime|every (morning|evening|night)/,
    1,
  ],
  [/\bq\.?w\.?\b|once (a |per )?week|\bweekly\b/, 1 / 7],
];

const CHINESE_FREQUENCIES: ReadonlyArray<readonly [RegExp, number]> = [
  [/隔日|隔天/, 0.5],
  [/每晚|每晨|每早|每天早上|每天晚上|睡前|晨起|早餐前|每日早晨/, 1],
];

function firstNumber(pattern: RegExp, text: string): number | undefined {
  const match = pattern.exec(text);
  return match?.[1] === undefined ? undefined : parseSigNumber(match[1]);
}

function readTimesPerDay(text: string): number | undefined {
  // (?<!隔) keeps "隔日1次" (every other day) from reading as "日1次".
  const perDay = firstNumber(new RegExp(`(?<!隔)(?:每日|每天|一日|一天|日|/日|/天|每d)\\s*(${N})\\s*次`), text);
  if (perDay !== undefined) return perDay;
  const perWeek = firstNumber(new RegExp(`(?:每周|一周|每星期)\\s*(${N})\\s*次`), text);
  if (perWeek !== undefined) return perWeek / 7;
  const everyHours =
    firstNumber(new RegExp(`(?:每|q)\\s*(${N})\\s*(?:小时|h\\b)`), text) ?? firstNumber(/every (\d+) hours?/, text);
  if (everyHours !== undefined && everyHours > 0) return 24 / everyHours;
  // "每日1剂": an amount straight after "per day" is one administration a day.
  if (new RegExp(`(?:每日|每天|一日|一天)\\s*${N}\\s*${UNIT}`).test(text)) return 1;
  for (const [pattern, times] of LATIN_FREQUENCIES) if (pattern.test(text)) return times;
  for (const [pattern, times] of CHINESE_FREQUENCIES) if (pattern.test(text)) return times;
  return undefined;
}

function readDose(text: string): { dose?: number; doseUnit?: DoseUnit } {
  const patterns = [
    new RegExp(`(?:每次|一次|每回|次)\\s*(${N})\\s*${UNIT}?`),
    new RegExp(`(?:每晚|每晨|每早|睡前|晨起|每日|每天|一日|一天)\\s*(${N})\\s*${UNIT}`),
    new RegExp(`(?:take\\s+)?(${N})\\s*${UNIT}(?![a-z])`),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const dose = match?.[1] === undefined ? undefined : parseSigNumber(match[1]);
    if (match && dose !== undefined) {
      const doseUnit = doseUnitOf(match[2]);
      return doseUnit === undefined ? { dose } : { dose, doseUnit };
    }
  }
  return {};
}

function readDailyPattern(text: string): number | undefined {
  const amount = '(\\d+(?:\\.\\d+)?|½|1/2)';
  const match = new RegExp(
    `(?:^|\\s)${amount}\\s*-\\s*${amount}\\s*-\\s*${amount}(?:\\s*-\\s*${amount})?(?:\\s|$|[^\\d-])`,
  ).exec(text);
  if (!match) return undefined;
  const parts = match.slice(1).filter((part): part is string => part !== undefined);
  const values = parts.map((part) => parseSigNumber(part));
  if (values.some((value) => value === undefined)) return undefined;
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

export function parseSig(sig: string): ParsedSig {
  const text = toHalfWidth(sig)
    .toLowerCase()
    .replace(/[，。；;,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const asNeeded = /\bprn\b|as needed|必要时|需要时|按需|疼痛时|发作时/.test(text);
  const dailyAmount = readDailyPattern(text);
  if (dailyAmount !== undefined) {
    const { doseUnit } = readDose(text);
    return doseUnit === undefined ? { dailyAmount, asNeeded } : { dailyAmount, doseUnit, asNeeded };
  }
  const timesPerDay = readTimesPerDay(text);
  const { dose, doseUnit } = readDose(text);
  return {
    asNeeded,
    ...(timesPerDay === undefined ? {} : { timesPerDay }),
    ...(dose === undefined ? {} : { dose }),
    ...(doseUnit === undefined ? {} : { doseUnit }),
  };
}
