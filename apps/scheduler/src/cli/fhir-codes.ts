import { type EncounterClass, type VisitKind } from '../plans/plan.types';
import { type CodeableConcept } from './fhir-types';

/** Code system whose codes are the plan language's procedure categories, for sources that send them. */
export const PROCEDURE_CATEGORY_SYSTEM = 'https://revisit.dev/fhir/CodeSystem/procedure-category';
export const ATC_SYSTEM = 'http://www.whocc.no/atc';

export function conceptTexts(concept: CodeableConcept | undefined): string[] {
  if (!concept) return [];
  return [concept.text, ...(concept.coding ?? []).flatMap((coding) => [coding.display, coding.code])].filter(
    (text): text is string => typeof text === 'string' && text.length > 0,
  );
}

// Order matters: the more specific wording first (根管充填 before 根管).
const PROCEDURE_KEYWORDS: ReadonlyArray<readonly [RegExp, string]> = [
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
  [/充填|补牙|嵌体|filling|restoration|crown|冠修复/i, 'dental-restoration'],
];

/**
 * The plan-language category of a Procedure: a coding in PROCEDURE_CATEGORY_SYSTEM wins; otherwise
 * the code, display and text are matched against Chinese and English wording (SNOMED CT 55162003 is
 * tooth extraction). Names are the event catalogue's PROCEDURE_CATEGORIES plus `dental-restoration`
 * (fillings, crowns). Unrecognised procedures are "other", which no built-in dental step follows.
 */
export function procedureCategory(code: CodeableConcept | undefined, category: CodeableConcept | undefined): string {
  const explicit = [...(category?.coding ?? []), ...(code?.coding ?? [])].find(
    (coding) => coding.system === PROCEDURE_CATEGORY_SYSTEM && coding.code,
  );
  if (explicit?.code) return explicit.code;
  const texts = [...conceptTexts(code), ...conceptTexts(category)];
  for (const [pattern, name] of PROCEDURE_KEYWORDS) if (texts.some((text) => pattern.test(text))) return name;
  return 'other';
}

/** An extraction whose wording says a denture or implant will follow (拔牙后种植/义齿修复). */
export function prosthesisPlanned(code: CodeableConcept | undefined): boolean {
  return conceptTexts(code).some((text) => /拔.*(种植|义齿|修复)|extraction.*(implant|denture|prosthe)/i.test(text));
}

/** Encounter.class (v3 ActCode) to the plan's encounter classes. */
export function encounterClass(code: string | undefined): EncounterClass {
  switch (code) {
    case 'IMP':
    case 'ACUTE':
    case 'NONAC':
    case 'SS':
      return 'inpatient';
    case 'EMER':
      return 'emergency';
    case 'HH':
      return 'home';
    default:
      return 'outpatient';
  }
}

/** 初诊 / first visit vs 复诊 / return visit from Encounter.type or serviceType wording. */
export function visitKind(concepts: ReadonlyArray<CodeableConcept | undefined>): VisitKind | undefined {
  const texts = concepts.flatMap((concept) => conceptTexts(concept));
  if (texts.some((text) => /复诊|return visit|follow-up visit|revisit/i.test(text))) return 'return';
  if (texts.some((text) => /初诊|first visit|new patient/i.test(text))) return 'first';
  return undefined;
}

/** Department tokens used by the built-in plans: "tcm" (中医), "dental" (口腔); others keep their code. */
export function department(concepts: ReadonlyArray<CodeableConcept | undefined>): string | undefined {
  const texts = concepts.flatMap((concept) => conceptTexts(concept));
  if (texts.some((text) => /中医|中药|traditional chinese|^tcm$/i.test(text))) return 'tcm';
  if (texts.some((text) => /口腔|牙科|dental|dentist/i.test(text))) return 'dental';
  return concepts.flatMap((concept) => concept?.coding ?? []).find((coding) => coding.code)?.code;
}

export function isChronic(concepts: ReadonlyArray<CodeableConcept | undefined>): boolean {
  return concepts.flatMap((concept) => conceptTexts(concept)).some((text) => /chronic|慢性|慢病/i.test(text));
}
