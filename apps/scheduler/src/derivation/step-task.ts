import { type DateTime } from 'luxon';
import { type ContactRules, placeCall } from '../calendar/contact-calendar';
import { type AssigneeSource, type Channel, type PlanDocument, type PlanStep } from '../plans/plan.types';
import { matchesFilter } from './event-filter';
import { type PatientEvent } from './patient-event';
import { type PatientHistory, timeIn } from './patient-history';
import { type StepCandidate } from './step-occurrences';
import { taskId } from './task-id';
import { type CancelledTask, type DerivedTask } from './task-set';
import { type TriggerInstance } from './trigger-instance';

const STATUS_TEXT = {
  'moved-away': 'patient moved out of the area',
  'declined-follow-up': 'patient does not want follow-up (不愿意接受回访)',
  'consent-withdrawn': 'patient withdrew consent',
  deceased: 'patient deceased',
} as const;

function staffFor(source: AssigneeSource, event: PatientEvent, history: PatientHistory): string | undefined {
  switch (source) {
    case 'treating-practitioner':
      return 'practitionerId' in event ? event.practitionerId : undefined;
    case 'dispenser':
      return event.type === 'medication-dispensed' ? event.dispenserId : undefined;
    case 'health-record-filer':
      return history.staff.healthRecordFiler;
    case 'measurer':
      return history.staff.measurer;
  }
}

export interface StepTaskInput {
  readonly plan: PlanDocument;
  readonly step: PlanStep;
  readonly trigger: TriggerInstance;
  readonly history: PatientHistory;
  readonly rules: ContactRules;
  readonly candidate: StepCandidate;
  readonly negativeOffset: boolean;
  /** the step's offset with plan parameters filled in, for the reason text */
  readonly offsetText: string;
  readonly everyText?: string;
}

export type StepTaskOutcome =
  { readonly kind: 'task'; readonly task: DerivedTask } | { readonly kind: 'cancelled'; readonly task: CancelledTask };

function cancellation(input: StepTaskInput, due: DateTime): string | undefined {
  const { plan, step, trigger, history, candidate, negativeOffset } = input;
  // A reminder after the appointment it reminds of is pointless (booked at the last minute); other
  // calls deferred past their anchor (a refill call pushed past the run-out by a holiday) still help.
  if (negativeOffset && step.anchor === 'appointment-start' && due >= candidate.anchorAt) {
    return `no allowed time before ${candidate.anchorText}`;
  }
  const stop = history.stops.find((item) => item.at <= due);
  if (stop) return `${STATUS_TEXT[stop.status]} since ${stop.at.toISODate()}`;
  const course = trigger.course;
  if (plan.stop?.includes('therapy-changed') && course?.endedAt && course.endedAt <= due) {
    return `${course.endReason ?? 'therapy changed'} on ${course.endedAt.toISODate()}`;
  }
  const context = { plan, patientConditionCodes: history.conditionCodes };
  for (const rule of step.stopWhen ?? []) {
    const hit = history.events.find((event) => {
      const at = timeIn(history.zone, event.occurredAt);
      return (
        at > trigger.at &&
        at <= due &&
        rule.events.some((type) => type === event.type) &&
        matchesFilter(rule.filters, event, context)
      );
    });
    if (hit) return `${rule.reason} (${hit.type} at ${hit.occurredAt})`;
  }
  return undefined;
}

/** Places one occurrence on the calendar and decides whether the history has cancelled it. */
export function stepTask(input: StepTaskInput): StepTaskOutcome {
  const { plan, step, trigger, history, rules, candidate } = input;
  const defaults = plan.defaults ?? {};
  const alignment = step.align ?? (rules.callSlots.length > 0 ? 'slot' : 'exact');
  // A call is never placed before the event that caused it.
  const start = candidate.candidate < trigger.at ? trigger.at : candidate.candidate;
  const placed = placeCall(start, alignment, rules);
  const channels: readonly Channel[] = step.channels ?? defaults.channels ?? ['phone'];
  const assigneeRule = step.assignee ?? defaults.assignee ?? { queue: 'follow-up' };
  const staffId = (assigneeRule.prefer ?? [])
    .map((source) => staffFor(source, trigger.event, history))
    .find((id) => id !== undefined);
  const { offsetText, everyText } = input;
  const due = placed?.due ?? start;
  const reason = [
    `${step.id}: ${offsetText}${candidate.occurrence > 0 && everyText ? ` + ${candidate.occurrence} x ${everyText}` : ''} from ${candidate.anchorText}`,
    ...(placed?.deferrals ?? []),
  ].join('; ');
  const task: DerivedTask = {
    id: taskId({
      org: plan.org,
      planId: plan.id,
      planVersion: plan.version,
      triggerKey: trigger.key,
      stepId: step.id,
      occurrence: candidate.occurrence,
    }),
    planId: plan.id,
    planVersion: plan.version,
    stepId: step.id,
    occurrence: candidate.occurrence,
    patientId: history.patientId,
    triggerKey: trigger.key,
    due: due.toISO({ suppressMilliseconds: true }) as string,
    purpose: step.purpose ?? defaults.purpose ?? step.id,
    ...((step.script ?? defaults.script) === undefined ? {} : { script: step.script ?? defaults.script }),
    channel: channels[0] ?? 'phone',
    channels,
    priority: step.priority ?? defaults.priority ?? 'normal',
    assignee: staffId === undefined ? { queue: assigneeRule.queue } : { staffId, queue: assigneeRule.queue },
    reason,
  };
  if (!placed)
    return { kind: 'cancelled', task: { ...task, cancelReason: 'no allowed contact time within two years' } };
  const cancelReason = cancellation(input, due);
  return cancelReason === undefined ? { kind: 'task', task } : { kind: 'cancelled', task: { ...task, cancelReason } };
}
