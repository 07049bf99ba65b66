import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { closeTask } from '../../escalation/close-task';
import { ESCALATION_CONTEXT } from '../../escalation/escalation.tokens';
import { type EscalationContext, recordAttempt } from '../../escalation/record-attempt';
import { OUTREACH_SCHEMA } from '../../database/outreach-schema';
import { type TaskRow, TASK_COLUMNS, TASK_TABLE, toTask } from '../../tasks/outreach-task.repository';
import type { ChannelOutcomeListener } from '../channel-outcome.store';
import type { ChannelOutcome } from '../channel.port';
import { RobotSurveyResponses } from './robot-survey-responses';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A robot call's result, stored for the first time (a re-delivered callback never gets here): records the
 * attempt on the task the call was placed for and moves it by the ladder (answered: completed with the
 * robot's answers as the survey; unanswered: the next rung), in the transaction that stores the result.
 * `callRef` is our robot call id; a bare task id (calls placed outside the timer loop) still yields the survey.
 */
@Injectable()
export class RobotCallOutcomes implements ChannelOutcomeListener {
  constructor(
    private readonly surveys: RobotSurveyResponses,
    @Inject(ESCALATION_CONTEXT) private readonly escalation: EscalationContext,
  ) {}

  async onOutcome(
    manager: EntityManager,
    outcome: ChannelOutcome,
    extras?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    if (outcome.channel !== 'phone-robot' || !outcome.reference || !UUID.test(outcome.reference)) return;
    const calls: { task_id: string; status: string }[] = await manager.query(
      `SELECT task_id, status FROM "${OUTREACH_SCHEMA}".robot_call WHERE id = $1 FOR UPDATE`,
      [outcome.reference],
    );
    const call = calls[0];
    if (!call) {
      await this.surveys.onOutcome(manager, outcome, extras);
      return;
    }
    await this.surveys.onOutcome(manager, { ...outcome, reference: call.task_id }, extras);
    // A call given up on (expired) was replaced by another: its late result is kept, the ladder not moved.
    if (call.status !== 'submitted' && call.status !== 'pending') return;
    await manager.query(
      `UPDATE "${OUTREACH_SCHEMA}".robot_call
          SET status = 'done', provider_call_id = COALESCE(provider_call_id, $2), finished_at = now()
        WHERE id = $1`,
      [outcome.reference, outcome.providerMessageId],
    );
    const rows: TaskRow[] = await manager.query(
      `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE} WHERE id = $1 AND status = 'open' FOR UPDATE`,
      [call.task_id],
    );
    if (!rows[0]) return;
    const task = toTask(rows[0]);
    const endedAt = new Date(outcome.occurredAt);
    const seconds = outcome.talkSeconds + (outcome.ringSeconds ?? 0);
    const attempt = {
      channel: 'phone-robot' as const,
      disposition: outcome.disposition,
      startedAt: new Date(endedAt.getTime() - seconds * 1000),
      endedAt,
      talkSeconds: outcome.talkSeconds,
      ...(outcome.recordingRef === undefined ? {} : { recordingRef: outcome.recordingRef }),
    };
    // The ladder moves only from the robot rung; a result for a task already handed on is logged.
    const policy = task.currentChannel === 'phone-robot' ? 'escalate' : 'log-only';
    const recorded = await recordAttempt(manager, task, attempt, this.escalation, policy);
    // Picked up but nothing collected (hung up at once): the robot rung comes due again after its wait.
    if (recorded.effect !== 'await-completion' || !collectedAnything(extras)) return;
    // The robot ran its script with the patient: nobody else has to call.
    await closeTask(
      manager,
      this.escalation.outbox,
      { ...task, attempts: recorded.attemptNo },
      {
        outcome: 'reached',
        channel: 'phone-robot',
        completedByStaffId: undefined,
        needsDoctorCallback: false,
        returnVisitBooked: false,
        at: endedAt,
      },
    );
  }
}

function collectedAnything(extras: Readonly<Record<string, unknown>> | undefined): boolean {
  const answers = extras?.['answers'];
  const hasAnswers = typeof answers === 'object' && answers !== null && Object.keys(answers).length > 0;
  return hasAnswers || (typeof extras?.['freeText'] === 'string' && extras['freeText'] !== '');
}
