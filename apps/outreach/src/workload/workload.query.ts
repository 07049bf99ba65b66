import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

export interface WorkloadPeriod {
  readonly orgIds: readonly string[];
  /** Inclusive days in `zone`. */
  readonly from: string;
  readonly to: string;
  readonly zone: string;
  readonly agentId?: string;
}

export interface AgentWorkload {
  readonly agentId: string;
  readonly agentName: string;
  readonly calls: number;
  readonly talkSeconds: number;
  readonly completions: number;
  readonly auditScore: number | null;
}

/**
 * Calls the agent dialled, talk time (never more than the call lasted), tasks they closed, and their mean
 * audit score over the period's days in the organisation's zone.
 */
export async function agentWorkload(manager: EntityManager, period: WorkloadPeriod): Promise<AgentWorkload[]> {
  const agentFilter = (column: string) => (period.agentId === undefined ? '' : `AND ${column} = $5`);
  const params: unknown[] = [period.orgIds, period.from, period.to, period.zone];
  if (period.agentId !== undefined) params.push(period.agentId);
  const rows: {
    agent: string;
    name: string | null;
    calls: string;
    talk: string;
    done: string;
    score: string | null;
  }[] = await manager.query(
    `WITH bounds AS (
         SELECT ($2::date::timestamp AT TIME ZONE $4) AS lo, (($3::date + 1)::timestamp AT TIME ZONE $4) AS hi),
       facts AS (
         SELECT a.agent_staff_id AS agent, 1 AS calls,
                least(a.talk_seconds, greatest(0, extract(epoch FROM a.ended_at - a.started_at)))::bigint AS talk,
                0 AS done, NULL::numeric AS score
           FROM ${S}.attempt a, bounds b
          WHERE a.org_id = ANY($1) AND a.channel = 'phone-agent' AND a.agent_staff_id IS NOT NULL
            AND a.started_at >= b.lo AND a.started_at < b.hi ${agentFilter('a.agent_staff_id')}
         UNION ALL
         SELECT t.completed_by_staff_id, 0, 0, 1, NULL
           FROM ${S}.task t, bounds b
          WHERE t.org_id = ANY($1) AND t.completed_by_staff_id IS NOT NULL
            AND t.closed_at >= b.lo AND t.closed_at < b.hi ${agentFilter('t.completed_by_staff_id')}
         UNION ALL
         SELECT c.agent_staff_id, 0, 0, 0, c.total
           FROM ${S}.call_audit c, bounds b
          WHERE c.org_id = ANY($1) AND c.total IS NOT NULL
            AND c.drawn_at >= b.lo AND c.drawn_at < b.hi ${agentFilter('c.agent_staff_id')})
       SELECT f.agent, sum(f.calls) AS calls, sum(f.talk) AS talk, sum(f.done) AS done, avg(f.score) AS score,
              (SELECT u.display_name FROM ${S}.auth_user u WHERE u.staff_id = f.agent LIMIT 1) AS name
         FROM facts f GROUP BY f.agent ORDER BY f.agent`,
    params,
  );
  return rows.map((row) => ({
    agentId: row.agent,
    agentName: row.name ?? row.agent,
    calls: Number(row.calls),
    talkSeconds: Number(row.talk),
    completions: Number(row.done),
    auditScore: row.score === null ? null : Math.round(Number(row.score) * 10) / 10,
  }));
}
