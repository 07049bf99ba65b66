import { IANAZone } from 'luxon';
import { offsetParameterNames, parseOffset, substituteParameters } from '../calendar/offset';
import { PlanErrorCode } from './plan.errors';
import { type AnchorKind, type EventFilter, type PlanDocument, type TriggerEventType } from './plan.types';

export interface SemanticIssue {
  readonly code: PlanErrorCode;
  readonly path: string;
  readonly message: string;
}

const ANCHOR_EVENTS: Readonly<Record<AnchorKind, readonly TriggerEventType[] | 'any'>> = {
  event: 'any',
  'prescription-start': ['medication-dispensed', 'procedure-performed'],
  'supply-run-out': ['medication-dispensed', 'procedure-performed'],
  'appointment-start': ['appointment-booked', 'appointment-missed'],
  birthday: 'any',
  'lunar-date': 'any',
};

function filterIssues(filter: EventFilter | undefined, path: string, plan: PlanDocument): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  filter?.drugClasses?.forEach((name, index) => {
    if (!plan.drugClasses?.[name]) {
      issues.push({
        code: PlanErrorCode.UnknownDrugClass,
        path: `${path}/drugClasses/${index}`,
        message: `drug class "${name}" is not defined under drugClasses`,
      });
    }
  });
  return issues;
}

function offsetIssues(text: string | undefined, path: string, plan: PlanDocument): SemanticIssue[] {
  if (text === undefined) return [];
  const known = new Set(Object.keys(plan.parameters ?? {}));
  const missing = offsetParameterNames(text).filter((name) => !known.has(name));
  if (missing.length > 0) {
    return [{ code: PlanErrorCode.UnknownParameter, path, message: `unknown parameter(s) ${missing.join(', ')}` }];
  }
  const substituted = substituteParameters(text, plan.parameters ?? {});
  if (substituted === undefined || parseOffset(substituted) === undefined) {
    return [{ code: PlanErrorCode.InvalidOffset, path, message: `"${text}" is not a valid offset` }];
  }
  return [];
}

/** Checks the JSON Schema cannot express: references between parts of the plan. */
export function semanticIssues(plan: PlanDocument): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (plan.timezone !== undefined && !IANAZone.isValidZone(plan.timezone)) {
    issues.push({
      code: PlanErrorCode.InvalidTimezone,
      path: '/timezone',
      message: `unknown time zone "${plan.timezone}"`,
    });
  }
  issues.push(...offsetIssues(plan.horizon, '/horizon', plan));
  issues.push(...offsetIssues(plan.catchUp?.grace, '/catchUp/grace', plan));
  issues.push(...filterIssues(plan.trigger.filters, '/trigger/filters', plan));
  plan.variants?.forEach((variant, index) =>
    issues.push(...filterIssues(variant.when, `/variants/${index}/when`, plan)),
  );
  const seen = new Set<string>();
  plan.steps.forEach((step, index) => {
    const path = `/steps/${index}`;
    if (seen.has(step.id)) {
      issues.push({
        code: PlanErrorCode.DuplicateStepId,
        path: `${path}/id`,
        message: `step id "${step.id}" is used twice`,
      });
    }
    seen.add(step.id);
    issues.push(...filterIssues(step.when, `${path}/when`, plan));
    issues.push(...offsetIssues(step.offset, `${path}/offset`, plan));
    issues.push(...offsetIssues(step.recurrence?.every, `${path}/recurrence/every`, plan));
    const needs = ANCHOR_EVENTS[step.anchor];
    if (needs !== 'any' && !plan.trigger.events.some((event) => needs.includes(event))) {
      issues.push({
        code: PlanErrorCode.AnchorNotAvailable,
        path: `${path}/anchor`,
        message: `anchor "${step.anchor}" needs a trigger on ${needs.join(' or ')}`,
      });
    }
    if (step.recurrence?.while === 'supply-lasts' && !plan.trigger.events.includes('medication-dispensed')) {
      issues.push({
        code: PlanErrorCode.AnchorNotAvailable,
        path: `${path}/recurrence/while`,
        message: '"supply-lasts" needs a trigger on medication-dispensed',
      });
    }
    if (step.anchor === 'lunar-date' && !step.lunarDate) {
      issues.push({
        code: PlanErrorCode.LunarDateMissing,
        path: `${path}/anchor`,
        message: 'anchor "lunar-date" needs lunarDate',
      });
    }
  });
  return issues;
}
