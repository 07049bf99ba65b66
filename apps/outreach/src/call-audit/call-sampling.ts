import { randomInt } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

/** Draws are integers in [0, DRAW_SCALE): a rate of 0.05 samples draws below 50 000. */
export const DRAW_SCALE = 1_000_000;
/** Until a supervisor sets a rate, one recorded call in twenty is audited. */
export const DEFAULT_SAMPLING_RATE = 0.05;
/** The organisation-wide rate row; agents' own rows override it. */
export const ORG_DEFAULT_AGENT = '*';

export function isSampled(draw: number, rate: number): boolean {
  return draw < Math.round(rate * DRAW_SCALE);
}

export interface RecordedCall {
  readonly attemptId: string;
  readonly orgId: string;
  readonly taskId: string;
  readonly patientId: string;
  readonly agentStaffId: string;
  readonly recordingRef: string;
}

/**
 * Decides, when the call is logged, whether it will be audited: a cryptographically random draw against the
 * agent's rate, stored with the rate used. Nothing the agent can read depends on it, so they cannot know in
 * advance (or afterwards) which of their calls the quality team will hear.
 */
export async function drawForAudit(manager: EntityManager, call: RecordedCall): Promise<void> {
  const rows: { rate: string }[] = await manager.query(
    `SELECT rate FROM ${S}.call_audit_rate WHERE org_id = $1 AND agent_staff_id IN ($2, '${ORG_DEFAULT_AGENT}')
      ORDER BY agent_staff_id = '${ORG_DEFAULT_AGENT}' LIMIT 1`,
    [call.orgId, call.agentStaffId],
  );
  const rate = rows[0] === undefined ? DEFAULT_SAMPLING_RATE : Number(rows[0].rate);
  const draw = randomInt(DRAW_SCALE);
  await manager.query(
    `INSERT INTO ${S}.call_audit (attempt_id, org_id, task_id, patient_id, agent_staff_id, recording_ref, rate, draw, sampled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      call.attemptId,
      call.orgId,
      call.taskId,
      call.patientId,
      call.agentStaffId,
      call.recordingRef,
      rate,
      draw,
      isSampled(draw, rate),
    ],
  );
}
