import { type EventPayloadMap, type OutreachChannel, type TASK_CANCEL_REASONS } from '@revisit/domain';
import { type Channel } from '../plans/plan.types';
import { type FollowUpTask } from './follow-up-task';
import { taskPurposeOf } from './task-purpose';

type Created = EventPayloadMap['revisit.followup.task-created.v1'];
type Due = EventPayloadMap['revisit.followup.task-due.v1'];
type CancelReason = (typeof TASK_CANCEL_REASONS)[number];

/** Plan channels -> the outreach vocabulary of the event catalogue. */
const OUTREACH_CHANNEL: Record<Channel, OutreachChannel> = {
  phone: 'phone-agent',
  'ai-voice': 'phone-robot',
  sms: 'sms',
  wecom: 'wecom',
  'wechat-official-account': 'wechat-oa',
  questionnaire: 'questionnaire',
};

const SCRIPT_REF = /^[^\s]{1,64}$/;

function ladderOf(channels: readonly Channel[]): OutreachChannel[] {
  return [...new Set(channels.map((channel) => OUTREACH_CHANNEL[channel]))];
}

function workFields(task: FollowUpTask): Omit<Due, 'taskId' | 'patientEnterpriseId' | 'orgId'> {
  const d = task.derived;
  return {
    purpose: taskPurposeOf(d),
    ...(d.script !== undefined && SCRIPT_REF.test(d.script) ? { scriptRef: d.script } : {}),
    dueAt: d.due,
    channelLadder: ladderOf(d.channels.length > 0 ? d.channels : [d.channel]),
    ...(d.assignee.staffId === undefined ? {} : { assigneeStaffId: d.assignee.staffId }),
    priority: d.priority,
  };
}

function identity(task: FollowUpTask): Pick<Created, 'taskId' | 'patientEnterpriseId' | 'orgId'> {
  return { taskId: task.id, patientEnterpriseId: task.patientId, orgId: task.orgId };
}

export function taskCreatedData(task: FollowUpTask): Created {
  const d = task.derived;
  return {
    ...identity(task),
    plan: { planId: d.planId, version: d.planVersion, stepId: d.stepId },
    triggerEventId: task.triggerEventId,
    ...workFields(task),
  };
}

/** Who works the task and when, as decided at dispatch (roster assignment, capacity moves). */
export interface DispatchDecision {
  readonly dueAt: string;
  readonly staffId?: string;
  readonly callSlot?: string;
}

export function taskDueData(task: FollowUpTask, decision?: DispatchDecision): Due {
  const { assigneeStaffId: _planned, ...work } = workFields(task);
  if (decision === undefined) return { ...identity(task), ...workFields(task) };
  return {
    ...identity(task),
    ...work,
    dueAt: decision.dueAt,
    ...(decision.callSlot === undefined ? {} : { callSlot: decision.callSlot }),
    ...(decision.staffId === undefined ? {} : { assigneeStaffId: decision.staffId }),
  };
}

/** A claimed task every agent was too full to take moved to the next call slot. */
export function capacityMoveData(
  task: FollowUpTask,
  previousDueAt: string,
  dueAt: string,
): EventPayloadMap['revisit.followup.task-rescheduled.v1'] {
  return { ...identity(task), previousDueAt, dueAt, reason: 'staff-capacity' };
}

const PERSONAL_QUIET = /patient's quiet time|do-not-disturb/;

export function taskRescheduledData(
  task: FollowUpTask,
  previousDueAt: string,
  previousReason?: string,
): EventPayloadMap['revisit.followup.task-rescheduled.v1'] {
  // Automatic moves come from new facts: the patient's new quiet times, a purchase extending the supply,
  // or a rule deferring the call.
  const newlyQuiet =
    PERSONAL_QUIET.test(task.derived.reason) && !(previousReason !== undefined && PERSONAL_QUIET.test(previousReason));
  const reason = newlyQuiet
    ? 'do-not-disturb-period'
    : /supply|dispens|refill/i.test(task.derived.reason)
      ? 'supply-extended'
      : 'plan-changed';
  return { ...identity(task), previousDueAt, dueAt: task.derived.due, reason };
}

/** The closed cancel reason the engine's explanation corresponds to (the text itself stays in the row). */
export function cancelReasonOf(why: string): CancelReason {
  if (/merged into task|superseded by plan/.test(why)) return 'superseded';
  if (/revers|no longer applies|corrected/i.test(why)) return 'trigger-reversed';
  if (/deceased/i.test(why)) return 'deceased';
  if (/moved[- ]away|moved out of the area/i.test(why)) return 'moved-away';
  if (/declined|does not want/i.test(why)) return 'does-not-want-follow-up';
  if (/consent|do[- ]not[- ]contact/i.test(why)) return 'do-not-contact';
  if (/merge/i.test(why)) return 'patient-merged';
  if (/switch|changed therapy|drug change/i.test(why)) return 'changed-therapy';
  return 'other';
}

export function taskCancelledData(
  task: Pick<FollowUpTask, 'id' | 'patientId' | 'orgId'>,
  why: string,
  cancelledAt: string,
): EventPayloadMap['revisit.followup.task-cancelled.v1'] {
  return { ...identity(task as FollowUpTask), reason: cancelReasonOf(why), cancelledAt };
}
