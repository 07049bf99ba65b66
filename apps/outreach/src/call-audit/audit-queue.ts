import { type Principal } from '@revisit/platform';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { offsetTime, publish } from '../escalation/outreach-events';
import { recordViews } from '../security/audit-log';
import { CallAuditError, CallAuditErrorCode } from './call-audit.errors';

const S = `"${OUTREACH_SCHEMA}"`;

interface SampledCallRow {
  attempt_id: string;
  org_id: string;
  task_id: string;
  patient_id: string;
  agent_staff_id: string;
  agent_name: string | null;
  recording_ref: string;
  started_at: Date;
  talk_seconds: number;
  disposition: string;
  total: number | null;
  scored_by: string | null;
  scored_at: Date | null;
}

export interface QueueFilter {
  readonly status?: 'pending' | 'scored';
  readonly agentId?: string;
  readonly limit: number;
}

/** Sampled calls of the caller's organisations, oldest unscored first; listing them is an audited view. */
export async function listSampledCalls(manager: EntityManager, principal: Principal, filter: QueueFilter) {
  const params: unknown[] = [principal.orgIds];
  const where = ['c.org_id = ANY($1)', 'c.sampled'];
  if (filter.status === 'pending') where.push('c.total IS NULL');
  if (filter.status === 'scored') where.push('c.total IS NOT NULL');
  if (filter.agentId !== undefined) {
    params.push(filter.agentId);
    where.push(`c.agent_staff_id = $${params.length}`);
  }
  params.push(filter.limit);
  const rows: SampledCallRow[] = await manager.query(
    `SELECT c.attempt_id, c.org_id, c.task_id, c.patient_id, c.agent_staff_id, c.recording_ref, c.total, c.scored_by,
            c.scored_at, a.started_at, a.talk_seconds, a.disposition,
            (SELECT u.display_name FROM ${S}.auth_user u WHERE u.staff_id = c.agent_staff_id LIMIT 1) AS agent_name
       FROM ${S}.call_audit c JOIN ${S}.attempt a ON a.id = c.attempt_id
      WHERE ${where.join(' AND ')}
      ORDER BY c.total IS NOT NULL, c.drawn_at, c.attempt_id LIMIT $${params.length}`,
    params,
  );
  await recordViews(
    manager,
    principal,
    rows.map((row) => ({
      orgId: row.org_id,
      patientId: row.patient_id,
      taskId: row.task_id,
      action: 'call-audit.view' as const,
    })),
  );
  return {
    items: rows.map((row) => ({
      id: row.attempt_id,
      attemptId: row.attempt_id,
      taskId: row.task_id,
      patientId: row.patient_id,
      agentId: row.agent_staff_id,
      agentName: row.agent_name ?? row.agent_staff_id,
      recordedAt: offsetTime(row.started_at),
      talkSeconds: row.talk_seconds,
      disposition: row.disposition,
      recordingRef: row.recording_ref,
      score: row.total,
      scoredBy: row.scored_by ?? undefined,
      scoredAt: row.scored_at === null ? undefined : offsetTime(row.scored_at),
    })),
  };
}

export interface Criterion {
  readonly code: string;
  readonly score: number;
  readonly maxScore: number;
}

/** Share of the checklist's points earned, as a whole percentage. */
export function totalScore(criteria: readonly Criterion[]): number {
  const earned = criteria.reduce((sum, c) => sum + c.score, 0);
  const possible = criteria.reduce((sum, c) => sum + c.maxScore, 0);
  return Math.round((100 * earned) / possible);
}

/** Scores one sampled call once; a second score would silently rewrite the first auditor's judgement. */
export async function scoreSampledCall(
  manager: EntityManager,
  outbox: Outbox,
  orgIds: readonly string[],
  attemptId: string,
  input: { criteria: readonly Criterion[]; comment?: string; scoredBy: string; now: Date },
) {
  const over = input.criteria.filter((c) => c.score > c.maxScore).map((c) => c.code);
  if (over.length > 0) throw new CallAuditError(CallAuditErrorCode.ScoreOutOfRange, `over maximum: ${over.join(', ')}`);
  const rows: {
    total: number | null;
    org_id: string;
    task_id: string;
    patient_id: string;
    agent_staff_id: string;
    started_at: Date;
  }[] = await manager.query(
    `SELECT c.total, c.org_id, c.task_id, c.patient_id, c.agent_staff_id, a.started_at
       FROM ${S}.call_audit c JOIN ${S}.attempt a ON a.id = c.attempt_id
      WHERE c.attempt_id = $1 AND c.org_id = ANY($2) AND c.sampled FOR UPDATE OF c`,
    [attemptId, orgIds],
  );
  const found = rows[0];
  if (!found) throw new CallAuditError(CallAuditErrorCode.CallNotFound, 'no sampled call');
  if (found.total !== null) throw new CallAuditError(CallAuditErrorCode.AlreadyScored, 'already scored');
  const total = totalScore(input.criteria);
  await manager.query(
    `UPDATE ${S}.call_audit SET criteria = $2, total = $3, comment = $4, scored_by = $5, scored_at = $6
      WHERE attempt_id = $1`,
    [attemptId, JSON.stringify(input.criteria), total, input.comment ?? null, input.scoredBy, input.now],
  );
  // The comment stays here: it is the auditor's note to the agent, not a figure for downstream systems.
  await publish(outbox, manager, 'revisit.outreach.call-audited.v1', found.org_id, found.patient_id, {
    attemptId,
    taskId: found.task_id,
    patientEnterpriseId: found.patient_id,
    orgId: found.org_id,
    agentStaffId: found.agent_staff_id,
    scoredByStaffId: input.scoredBy,
    criteria: input.criteria.map(({ code, score, maxScore }) => ({ code, score, maxScore })),
    totalScore: total,
    callStartedAt: offsetTime(found.started_at),
    scoredAt: offsetTime(input.now),
  });
  return { id: attemptId, total, scoredAt: offsetTime(input.now) };
}
