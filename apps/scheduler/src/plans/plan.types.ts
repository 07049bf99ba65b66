/** The plan language (see docs/plans.md). The JSON Schema in plan.schema.json describes the same shape. */

export const TRIGGER_EVENT_TYPES = [
  'medication-dispensed',
  'procedure-performed',
  'encounter-finished',
  'appointment-booked',
  'appointment-missed',
  'patient-registered',
  'condition-recorded',
  'condition-resolved',
] as const;
export type TriggerEventType = (typeof TRIGGER_EVENT_TYPES)[number];

export type AnchorKind =
  'event' | 'prescription-start' | 'supply-run-out' | 'appointment-start' | 'birthday' | 'lunar-date';

export type VisitKind = 'first' | 'return';
export type EncounterClass = 'outpatient' | 'inpatient' | 'emergency' | 'home';
export type Channel = 'phone' | 'sms' | 'wecom' | 'wechat-official-account' | 'questionnaire' | 'ai-voice';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type AssigneeSource = 'treating-practitioner' | 'health-record-filer' | 'measurer' | 'dispenser';

/** Conditions on the triggering event; every listed condition must hold. */
export interface EventFilter {
  readonly events?: readonly TriggerEventType[];
  readonly drugs?: readonly string[];
  readonly drugClasses?: readonly string[];
  readonly procedureCategories?: readonly string[];
  readonly departments?: readonly string[];
  readonly visitKinds?: readonly VisitKind[];
  readonly encounterClasses?: readonly EncounterClass[];
  /** code prefixes (ICD-10 "I10", SNOMED CT "38341003"), matched on the event or the patient's conditions */
  readonly diagnoses?: readonly string[];
  readonly chronic?: boolean;
  /** dental extraction flagged "denture or implant needed" */
  readonly prosthesisPlanned?: boolean;
  /** root-canal treatment restored at the same visit; `false` also matches "not stated" */
  readonly restored?: boolean;
  readonly prescriptionDays?: { readonly min?: number; readonly max?: number };
}

/** Drug class membership: ATC code prefixes, exact local or national drug codes. */
export interface DrugClassDefinition {
  readonly atc?: readonly string[];
  readonly codes?: readonly string[];
}

/** How matching events become triggers: one per event, one per therapy course, one per patient. */
export type TriggerScope = 'event' | 'therapy-course' | 'patient';

export interface Trigger {
  readonly events: readonly TriggerEventType[];
  readonly filters?: EventFilter;
  readonly scope?: TriggerScope;
}

export interface Recurrence {
  readonly every: string;
  readonly while?: 'supply-lasts';
  readonly count?: number;
}

export interface AssigneeRule {
  readonly prefer?: readonly AssigneeSource[];
  readonly queue: string;
}

export interface StepStop {
  readonly events: readonly TriggerEventType[];
  readonly filters?: EventFilter;
  readonly reason: string;
}

export interface TaskDefaults {
  readonly purpose?: string;
  readonly script?: string;
  readonly channels?: readonly Channel[];
  readonly priority?: Priority;
  readonly assignee?: AssigneeRule;
}

export interface PlanStep extends TaskDefaults {
  readonly id: string;
  readonly when?: EventFilter;
  readonly anchor: AnchorKind;
  readonly lunarDate?: { readonly month: number; readonly day: number };
  readonly offset?: string;
  readonly align?: 'slot' | 'exact';
  readonly recurrence?: Recurrence;
  readonly stopWhen?: readonly StepStop[];
}

export interface ParameterVariant {
  readonly when: EventFilter;
  readonly parameters: Readonly<Record<string, number>>;
}

export type PlanStopCondition = 'therapy-changed';

export interface PlanDocument {
  readonly id: string;
  readonly version: number;
  readonly org: string;
  readonly name: string;
  readonly description?: string;
  readonly timezone?: string;
  readonly parameters?: Readonly<Record<string, number>>;
  readonly variants?: readonly ParameterVariant[];
  readonly drugClasses?: Readonly<Record<string, DrugClassDefinition>>;
  readonly trigger: Trigger;
  readonly callSlots?: readonly string[];
  readonly quietHours?: { readonly start: string; readonly end: string };
  readonly holidays?: { readonly calendar: 'cn-statutory' | 'none'; readonly extraDates?: readonly string[] };
  readonly stop?: readonly PlanStopCondition[];
  /** how far ahead open-ended recurrences (birthdays, every 6 months) are derived; default P1Y */
  readonly horizon?: string;
  /**
   * How late a task may still go out when the scheduler catches up (restart, outage, a plan switched on
   * over old history); later than `grace` after its due time it is marked missed. Default P7D.
   */
  readonly catchUp?: { readonly grace: string };
  /**
   * A random share of entering patients held out from this plan (no tasks) as a control group, so the
   * lift of follow-up can be measured; at most half.
   */
  readonly controlGroup?: { readonly share: number };
  readonly defaults?: TaskDefaults;
  readonly steps: readonly PlanStep[];
}
