import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { offsetTime, publish } from '../../escalation/outreach-events';
import type { ChannelOutcomeListener } from '../channel-outcome.store';
import type { ChannelOutcome } from '../channel.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANSWER_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const ROBOT_SURVEY = 'robot-call';

type Answer = string | string[] | number | boolean;

/** What the robot callback stores next to a call's outcome. */
interface RobotExtras {
  readonly answers?: Readonly<Record<string, Answer>>;
  readonly scriptId?: string;
  readonly freeText?: string;
}

/**
 * Turns the answers a voice robot collected (CSAT, NPS, scripted questions, the patient's own words) into a
 * `survey-response-recorded` event. Runs in the transaction that stores the call result for the first time,
 * so a provider re-delivering the callback produces no second response. `callRef` is the task id the call
 * was placed for; results of calls outreach did not place are stored but not published.
 */
@Injectable()
export class RobotSurveyResponses implements ChannelOutcomeListener {
  constructor(@Inject(Outbox) private readonly outbox: Outbox) {}

  async onOutcome(
    manager: EntityManager,
    outcome: ChannelOutcome,
    extras?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    if (outcome.channel !== 'phone-robot' || !['completed', 'partial'].includes(outcome.providerStatus)) return;
    const { answers = {}, scriptId, freeText } = (extras ?? {}) as RobotExtras;
    const collected = Object.fromEntries(Object.entries(answers).filter(([key]) => ANSWER_KEY.test(key)));
    if (Object.keys(collected).length === 0 && !freeText) return;
    if (!outcome.reference || !UUID.test(outcome.reference)) return;
    const tasks: { org_id: string; patient_id: string; script_ref: string | null }[] = await manager.query(
      `SELECT org_id, patient_id, script_ref FROM outreach.task WHERE id = $1`,
      [outcome.reference],
    );
    const task = tasks[0];
    if (!task) return;
    const survey = surveyOf(scriptId ?? task.script_ref ?? ROBOT_SURVEY);
    const csat = scale(collected['satisfaction'], 1, 5);
    const nps = scale(collected['nps'] ?? collected['recommend'], 0, 10);
    const responseId = uuidv7();
    const data = {
      responseId,
      taskId: outcome.reference,
      patientEnterpriseId: task.patient_id,
      orgId: task.org_id,
      surveyId: survey.id,
      surveyVersion: survey.version,
      channel: 'phone-robot' as const,
      ...(csat === undefined ? {} : { csat }),
      ...(nps === undefined ? {} : { nps }),
      answers: collected,
      ...(freeText ? { freeText } : {}),
      respondedAt: offsetTime(new Date(outcome.occurredAt)),
    };
    await manager.query(
      `INSERT INTO outreach.survey_answer (id, task_id, org_id, patient_id, response) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [responseId, outcome.reference, task.org_id, task.patient_id, JSON.stringify(data)],
    );
    await publish(
      this.outbox,
      manager,
      'revisit.outreach.survey-response-recorded.v1',
      task.org_id,
      task.patient_id,
      data,
    );
  }
}

/** `post-dispensing-check-v3` is version 3 of survey `post-dispensing-check`; without a suffix, version 1. */
export function surveyOf(scriptId: string): { id: string; version: number } {
  const match = /^(.+)-v([1-9][0-9]{0,5})$/.exec(scriptId);
  // Survey ids are catalogue codes (at most 64 characters); providers' script ids may run longer.
  return match ? { id: match[1]!.slice(0, 64), version: Number(match[2]) } : { id: scriptId.slice(0, 64), version: 1 };
}

function scale(value: Answer | undefined, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
