import { randomUUID } from 'node:crypto';
import { type Outbox } from '@revisit/messaging';
import { type DataSource, type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { closeTask } from '../escalation/close-task';
import { offsetTime, publish } from '../escalation/outreach-events';
import { type AttemptInput, type EscalationContext, recordAttempt } from '../escalation/record-attempt';
import { type OutreachTask } from '../tasks/outreach-task';
import { OutreachTaskRepository, TASK_TABLE } from '../tasks/outreach-task.repository';
import { WorklistError, WorklistErrorCode } from './worklist.errors';

export interface Caller {
  readonly orgIds: readonly string[];
  readonly leaseOwner: string;
  readonly staffId: string;
}

export interface SurveyInput {
  readonly surveyId: string;
  readonly surveyVersion: number;
  readonly csat?: number;
  readonly nps?: number;
  readonly answers: Record<string, string | string[] | number | boolean>;
  readonly freeText?: string;
}

export interface Completion {
  readonly survey?: SurveyInput;
  readonly returnVisitBooked: boolean;
}

/** The agent-side operations on a claimed task; each runs in one transaction with its events. */
export class WorkTask {
  constructor(
    private readonly dataSource: DataSource,
    private readonly escalation: EscalationContext,
  ) {}

  private get outbox(): Outbox {
    return this.escalation.outbox;
  }

  recordAttempt(taskId: string, caller: Caller, input: Omit<AttemptInput, 'channel' | 'agentStaffId'>) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.leased(manager, taskId, caller);
      return recordAttempt(
        manager,
        task,
        { ...input, channel: 'phone-agent', agentStaffId: caller.staffId },
        this.escalation,
      );
    });
  }

  complete(taskId: string, caller: Caller, completion: Completion, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.leased(manager, taskId, caller);
      const answered: unknown[] = await manager.query(
        `SELECT 1 FROM "${OUTREACH_SCHEMA}".attempt WHERE task_id = $1 AND disposition = 'answered' LIMIT 1`,
        [task.id],
      );
      if (answered.length === 0) throw new WorklistError(WorklistErrorCode.NotAnswered, 'no answered call recorded');
      const handovers: unknown[] = await manager.query(
        `SELECT 1 FROM "${OUTREACH_SCHEMA}".doctor_handover WHERE task_id = $1 LIMIT 1`,
        [task.id],
      );
      if (completion.survey) await this.recordSurvey(manager, task, completion.survey, now);
      await closeTask(manager, this.outbox, task, {
        outcome: 'reached',
        channel: 'phone-agent',
        completedByStaffId: caller.staffId,
        needsDoctorCallback: handovers.length > 0,
        returnVisitBooked: completion.returnVisitBooked,
        at: now,
      });
    });
  }

  reschedule(taskId: string, caller: Caller, dueAt: Date, reason: string) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.leased(manager, taskId, caller);
      await manager.query(
        `UPDATE ${TASK_TABLE} SET next_attempt_at = $2, lease_owner = NULL, lease_expires_at = NULL,
            reschedule_reason = $3, updated_at = now() WHERE id = $1`,
        [task.id, dueAt, reason],
      );
    });
  }

  /** Discomfort or a complaint goes to the treating doctor, who calls back; the task completes with that flag. */
  handOver(taskId: string, caller: Caller, reason: 'discomfort' | 'complaint', doctorStaffId?: string, note?: string) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.leased(manager, taskId, caller);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO "${OUTREACH_SCHEMA}".doctor_handover (id, task_id, org_id, patient_id, reason, doctor_staff_id, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, task.id, task.orgId, task.patientId, reason, doctorStaffId ?? null, note ?? null, caller.staffId],
      );
      return { handoverId: id };
    });
  }

  private async recordSurvey(manager: EntityManager, task: OutreachTask, survey: SurveyInput, now: Date) {
    const responseId = randomUUID();
    await manager.query(
      `INSERT INTO "${OUTREACH_SCHEMA}".survey_answer (id, task_id, org_id, patient_id, response) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [responseId, task.id, task.orgId, task.patientId, JSON.stringify(survey)],
    );
    await publish(this.outbox, manager, 'revisit.outreach.survey-response-recorded.v1', task.orgId, task.patientId, {
      responseId,
      taskId: task.id,
      patientEnterpriseId: task.patientId,
      orgId: task.orgId,
      surveyId: survey.surveyId,
      surveyVersion: survey.surveyVersion,
      channel: 'phone-agent',
      ...(survey.csat === undefined ? {} : { csat: survey.csat }),
      ...(survey.nps === undefined ? {} : { nps: survey.nps }),
      answers: survey.answers,
      ...(survey.freeText === undefined ? {} : { freeText: survey.freeText }),
      respondedAt: offsetTime(now),
    });
  }

  /** The task, locked, if it is in the caller's organisations, open, and leased by the caller. */
  private async leased(manager: EntityManager, taskId: string, caller: Caller): Promise<OutreachTask> {
    const task = await new OutreachTaskRepository(manager).lock(taskId, caller.orgIds);
    if (!task) throw new WorklistError(WorklistErrorCode.TaskNotFound, 'no such task');
    if (task.status !== 'open') throw new WorklistError(WorklistErrorCode.TaskClosed, 'the task is not open');
    if (task.leaseOwner !== caller.leaseOwner || (task.leaseExpiresAt?.getTime() ?? 0) < Date.now()) {
      throw new WorklistError(WorklistErrorCode.NotLeaseHolder, 'claim the task first');
    }
    return task;
  }
}
