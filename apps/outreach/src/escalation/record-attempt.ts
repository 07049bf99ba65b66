import { randomUUID } from 'node:crypto';
import { type OutreachChannel } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { drawForAudit } from '../call-audit/call-sampling';
import { type PreferenceFlag } from './tcm-phone-policy';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type OutreachTask } from '../tasks/outreach-task';
import { TASK_TABLE } from '../tasks/outreach-task.repository';
import { applyPreferenceFlag } from '../contact/apply-preference-flag';
import { closeTask } from './close-task';
import { decideAfterAttempt, type Disposition, type EscalationSettings } from './tcm-phone-policy';
import { offsetTime, publish } from './outreach-events';

export interface AttemptInput {
  readonly channel: OutreachChannel;
  readonly disposition: Disposition;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly talkSeconds: number;
  readonly agentStaffId?: string;
  readonly recordingRef?: string;
  readonly notes?: string;
}

export interface EscalationContext {
  readonly outbox: Outbox;
  readonly settings: EscalationSettings;
  readonly proposeNextCall: (task: OutreachTask, after: Date) => Date;
}

export type AttemptEffect = 'await-completion' | 'retry' | 'notice-then-retry' | 'escalate' | 'close';

/**
 * Records one attempt on a locked task and moves the task by the escalation policy, publishing
 * attempt-recorded (and task-completed / contact-preference-changed when it closes) in the same
 * transaction. SMS notices are queued as durable timers, sent by the notice worker.
 */
export async function recordAttempt(
  manager: EntityManager,
  task: OutreachTask,
  input: AttemptInput,
  context: EscalationContext,
  policy: 'escalate' | 'log-only' = 'escalate',
): Promise<{ attemptId: string; attemptNo: number; effect: AttemptEffect | 'logged' }> {
  const attemptId = randomUUID();
  const attemptNo = task.attempts + 1;
  await manager.query(
    `INSERT INTO "${OUTREACH_SCHEMA}".attempt (id, task_id, org_id, patient_id, attempt_no, channel, disposition,
        agent_staff_id, started_at, ended_at, talk_seconds, recording_ref, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      attemptId,
      task.id,
      task.orgId,
      task.patientId,
      attemptNo,
      input.channel,
      input.disposition,
      input.agentStaffId ?? null,
      input.startedAt,
      input.endedAt,
      input.talkSeconds,
      input.recordingRef ?? null,
      input.notes ?? null,
    ],
  );
  if (input.channel === 'phone-agent' && input.agentStaffId !== undefined && input.recordingRef !== undefined) {
    await drawForAudit(manager, {
      attemptId,
      orgId: task.orgId,
      taskId: task.id,
      patientId: task.patientId,
      agentStaffId: input.agentStaffId,
      recordingRef: input.recordingRef,
    });
  }
  await publish(context.outbox, manager, 'revisit.outreach.attempt-recorded.v1', task.orgId, task.patientId, {
    attemptId,
    taskId: task.id,
    patientEnterpriseId: task.patientId,
    orgId: task.orgId,
    attemptNo,
    channel: input.channel,
    disposition: input.disposition,
    ...(input.agentStaffId === undefined ? {} : { agentStaffId: input.agentStaffId }),
    startedAt: offsetTime(input.startedAt),
    endedAt: offsetTime(input.endedAt),
    talkSeconds: input.talkSeconds,
    ...(input.recordingRef === undefined ? {} : { recordingRef: input.recordingRef }),
  });

  if (policy === 'log-only') {
    // An SMS notice is part of the phone rules already decided; it must not move the ladder again.
    await update(manager, task.id, 'attempts = attempts + 1', []);
    return { attemptId, attemptNo, effect: 'logged' };
  }
  const decision = decideAfterAttempt(
    {
      ladder: task.channelLadder,
      step: task.ladderStep,
      consecutiveMisses: task.consecutiveMisses,
      unreachableStreak: task.unreachableStreak,
      noticesSent: task.noticesSent,
    },
    { channel: input.channel, disposition: input.disposition, endedAt: input.endedAt },
    (after) => context.proposeNextCall(task, after),
    context.settings,
  );
  const miss = input.disposition === 'no-answer' || input.disposition === 'busy' ? 1 : 0;
  const unreachable = input.disposition === 'unreachable' ? 1 : 0;
  switch (decision.kind) {
    case 'await-completion':
      await update(manager, task.id, 'attempts = attempts + 1, consecutive_misses = 0, unreachable_streak = 0', []);
      break;
    case 'retry':
      await update(
        manager,
        task.id,
        `attempts = attempts + 1, next_attempt_at = $2, lease_owner = NULL, lease_expires_at = NULL,
         consecutive_misses = CASE WHEN $3 = 1 THEN consecutive_misses + 1 ELSE consecutive_misses END,
         unreachable_streak = CASE WHEN $4 = 1 THEN unreachable_streak + 1 ELSE unreachable_streak END,
         line_index = line_index + $5`,
        [decision.at, miss, unreachable, decision.switchLine ? 1 : 0],
      );
      break;
    case 'notice-then-retry':
      await update(
        manager,
        task.id,
        `attempts = attempts + 1, next_attempt_at = $2, lease_owner = NULL, lease_expires_at = NULL,
         consecutive_misses = 0, unreachable_streak = 0, notices_sent = notices_sent + 1`,
        [decision.nextCallAt],
      );
      await manager.query(
        `INSERT INTO "${OUTREACH_SCHEMA}".sms_notice (id, task_id, due_at, next_call_at) VALUES ($1, $2, $3, $4)`,
        [randomUUID(), task.id, input.endedAt, decision.nextCallAt],
      );
      break;
    case 'escalate':
      await update(
        manager,
        task.id,
        `attempts = attempts + 1, ladder_step = $2, current_channel = channel_ladder[$2 + 1], next_attempt_at = $3,
         lease_owner = NULL, lease_expires_at = NULL, consecutive_misses = 0, unreachable_streak = 0, notices_sent = 0`,
        [decision.step, decision.at],
      );
      break;
    case 'close':
      await update(manager, task.id, 'attempts = attempts + 1', []);
      await closeTask(
        manager,
        context.outbox,
        { ...task, attempts: attemptNo },
        {
          outcome: decision.outcome,
          channel: input.channel,
          completedByStaffId: input.agentStaffId,
          needsDoctorCallback: false,
          returnVisitBooked: false,
          at: input.endedAt,
        },
      );
      if (decision.flag) await stopOnFlag(manager, context.outbox, task, decision.flag, input);
      break;
  }
  return { attemptId, attemptNo, effect: decision.kind };
}

async function stopOnFlag(
  manager: EntityManager,
  outbox: Outbox,
  task: OutreachTask,
  flag: PreferenceFlag,
  input: AttemptInput,
): Promise<void> {
  await applyPreferenceFlag(manager, outbox, task.orgId, task.patientId, flag, {
    changedBy: input.agentStaffId === undefined ? 'system' : 'staff',
    staffId: input.agentStaffId,
    at: input.endedAt,
  });
}

async function update(manager: EntityManager, taskId: string, assignments: string, params: unknown[]) {
  await manager.query(`UPDATE ${TASK_TABLE} SET ${assignments}, updated_at = now() WHERE id = $1`, [taskId, ...params]);
}
