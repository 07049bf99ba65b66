import { procedureCategoryOf } from '@revisit/domain';
import { type EncounterClass, type VisitKind } from '../plans/plan.types';
import { type CodeableConcept } from './fhir-types';

export { FHIR_ATC_SYSTEM as ATC_SYSTEM, PROCEDURE_CATEGORY_SYSTEM } from '@revisit/domain';

export function conceptTexts(concept: CodeableConcept | undefined): string[] {
  if (!concept) return [];
  return [concept.text, ...(concept.coding ?? []).flatMap((coding) => [coding.display, coding.code])].filter(
    (text): text is string => typeof text === 'string' && text.length > 0,
  );
}

/**
 * The plan-language category of a Procedure (libs/domain's vocabulary, shared with ingest): a coding in
 * PROCEDURE_CATEGORY_SYSTEM wins, else Chinese and English wording; unrecognised procedures are "other".
 */
export function procedureCategory(code: CodeableConcept | undefined, category: CodeableConcept | undefined): string {
  const texts = [category?.text, code?.text].filter((text): text is string => typeof text === 'string');
  return procedureCategoryOf([...(category?.coding ?? []), ...(code?.coding ?? [])], texts);
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
