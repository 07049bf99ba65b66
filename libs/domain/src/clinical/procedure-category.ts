import { PROCEDURE_CATEGORIES } from '../events/clinical/procedure-performed.v1';

/** Code system whose codes are the follow-up categories, for sources that state them (FHIR `Procedure.category`). */
export const PROCEDURE_CATEGORY_SYSTEM = 'https://revisit.dev/fhir/CodeSystem/procedure-category';

/**
 * The follow-up categories plans key on: the catalogue's PROCEDURE_CATEGORIES plus `dental-restoration`
 * (fillings, crowns), which plans use to tell a finished root canal from one still open.
 */
export type ProcedureCategoryName = (typeof PROCEDURE_CATEGORIES)[number] | 'dental-restoration';

// Order matters: the more specific wording first (根管充填 before 根管治疗, 正畸初戴 before 正畸).
const PROCEDURE_KEYWORDS: ReadonlyArray<readonly [RegExp, ProcedureCategoryName]> = [
  [/根管充填|root canal (filling|obturation)/i, 'dental-root-canal-filling'],
  [/根管治疗|根管预备|root canal (treatment|therapy)/i, 'dental-root-canal-treatment'],
  [/拔牙|拔除|tooth extraction|extraction of tooth|^55162003$/i, 'dental-extraction'],
  [/正畸初戴|首次戴.*矫治|first orthodontic/i, 'dental-orthodontic-fitting'],
  [/正畸.*(加力|复诊|调整)|orthodontic adjustment/i, 'dental-orthodontic-adjustment'],
  [/保持器|retainer/i, 'dental-orthodontic-retainer'],
  [/种植|implant/i, 'dental-implant'],
  [/义齿|假牙|denture|bridge fitting/i, 'dental-denture-fitting'],
  [/洁治|洗牙|scaling|dental cleaning|prophylaxis/i, 'dental-scaling'],
  [/开髓|pulp (opening|extirpation)|pulpotomy/i, 'dental-pulp-opening'],
  [/扩管|canal enlargement/i, 'dental-canal-enlargement'],
  [/输液|infusion/i, 'infusion'],
  [/中药|草药|饮片|herbal/i, 'tcm-prescription'],
  [/充填|补牙|嵌体|filling|restoration|crown|冠修复/i, 'dental-restoration'],
];

const NAMES: ReadonlySet<string> = new Set<string>([...PROCEDURE_CATEGORIES, 'dental-restoration']);

export interface CodingLike {
  readonly system?: string | undefined;
  readonly code?: string | undefined;
  readonly display?: string | undefined;
}

/**
 * The follow-up category of a procedure: a coding in PROCEDURE_CATEGORY_SYSTEM wins; otherwise codes,
 * displays and free texts are matched against Chinese and English wording (SNOMED CT 55162003 is tooth
 * extraction). Unrecognised procedures are `other`, which no built-in dental step follows.
 */
export function procedureCategoryOf(
  codings: readonly CodingLike[],
  texts: readonly string[] = [],
): ProcedureCategoryName {
  const explicit = codings.find((c) => c.system === PROCEDURE_CATEGORY_SYSTEM && c.code && NAMES.has(c.code));
  if (explicit?.code) return explicit.code as ProcedureCategoryName;
  const words = [...texts, ...codings.flatMap((c) => [c.display, c.code])].filter(
    (text): text is string => typeof text === 'string' && text.length > 0,
  );
  for (const [pattern, name] of PROCEDURE_KEYWORDS) if (words.some((text) => pattern.test(text))) return name;
  return 'other';
}

/**
 * The category as the event catalogue carries it: `dental-restoration` is a plan-level refinement the
 * catalogue's v1 enum does not list, so it travels as `other` with the procedure code beside it.
 */
export function catalogueProcedureCategory(
  codings: readonly CodingLike[],
  texts: readonly string[] = [],
): (typeof PROCEDURE_CATEGORIES)[number] {
  const name = procedureCategoryOf(codings, texts);
  return name === 'dental-restoration' ? 'other' : name;
}

/** Systems that name the WHO ATC classification: FHIR's URI, HL7 v2 table 0396 `WC`, its OID, plain `ATC`. */
const ATC_SYSTEMS: ReadonlySet<string> = new Set([
  'http://www.whocc.no/atc',
  'urn:oid:2.16.840.1.113883.6.73',
  'WC',
  'ATC',
]);

export const FHIR_ATC_SYSTEM = 'http://www.whocc.no/atc';

/** Whether a coding is an ATC code (level 1-5: `C`, `C09`, `C09C`, `C09CA`, `C09CA03`). */
export function isAtcCoding(coding: CodingLike): boolean {
  return (
    coding.system !== undefined &&
    ATC_SYSTEMS.has(coding.system.trim().toUpperCase() === 'ATC' ? 'ATC' : coding.system.trim()) &&
    /^[A-Z](\d\d([A-Z]([A-Z](\d\d)?)?)?)?$/.test(coding.code?.trim().toUpperCase() ?? '')
  );
}
