import { attemptsPerCompletion, followUpOnTimeRate, reachRateByChannel } from '../metrics';
import { table } from '../read-models/read-model-sql';
import { ATTEMPTS, CALL_AUDITS, COMPLETED_TASKS, scopeOf, TASKS } from './fact-scope';
import { byGroup, type MetricComputer, repeat } from './metric-result';

/** Tasks falling due in the period: due, completed, cancelled, overdue (past due and still open at `asOf`). */
export const taskCounts: MetricComputer = async (ctx, q) => {
  const s = scopeOf(TASKS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const n = s.params.length;
  const rows: { grp: string | null; due: number; completed: number; cancelled: number; overdue: number }[] =
    await ctx.db.query(
      `SELECT ${s.group} AS grp,
              count(*) FILTER (WHERE t.status <> 'cancelled' AND t.due_at <= $${n + 1})::int AS due,
              count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE t.status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE t.status IN ('open', 'due') AND t.due_at < $${n + 1})::int AS overdue
         FROM ${s.from} WHERE ${s.where} GROUP BY 1 ORDER BY 1 NULLS FIRST`,
      [...s.params, q.asOf],
    );
  return rows.map(({ grp, ...counts }) => ({ key: grp, value: counts.due, ...counts }));
};

export const onTimeRate: MetricComputer = async (ctx, q) => {
  const s = scopeOf(TASKS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; due_at: Date; completed_at: Date | null; cancelled: boolean; attempts: number }[] =
    await ctx.db.query(
      `SELECT ${s.group} AS grp, t.due_at, t.completed_at, t.status = 'cancelled' AS cancelled,
              COALESCE(t.attempts, 0) AS attempts
         FROM ${s.from} WHERE ${s.where} AND t.due_at IS NOT NULL`,
      s.params,
    );
  return byGroup(rows).map(([key, tasks]) => {
    const result = followUpOnTimeRate(
      tasks.map((t) => ({
        dueAt: t.due_at.toISOString(),
        ...(t.completed_at === null ? {} : { completedAt: t.completed_at.toISOString() }),
        cancelled: t.cancelled,
        attempts: t.attempts,
      })),
      q.asOf,
    );
    return { key, value: result.rate, ...result };
  });
};

/** Over tasks completed in the period; the attempt count is the one outreach reported on completion. */
export const attemptsPerTask: MetricComputer = async (ctx, q) => {
  const s = scopeOf(COMPLETED_TASKS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; attempts: number; n: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, COALESCE(t.attempts, 0) AS attempts, count(*)::int AS n
       FROM ${s.from} WHERE ${s.where} AND t.status = 'completed' GROUP BY 1, 2`,
    s.params,
  );
  return byGroup(rows).map(([key, counts]) => {
    const tasks = counts.flatMap((c) =>
      repeat(
        { dueAt: '1970-01-01T00:00:00Z', completedAt: '1970-01-01T00:00:00Z', cancelled: false, attempts: c.attempts },
        c.n,
      ),
    );
    return { key, value: attemptsPerCompletion(tasks), completedTasks: tasks.length };
  });
};

async function attemptCounts(ctx: Parameters<MetricComputer>[0], q: Parameters<MetricComputer>[1]) {
  const s = scopeOf(ATTEMPTS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; channel: string; reached: boolean; n: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, x.channel, x.reached, count(*)::int AS n
       FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2, 3 ORDER BY 2`,
    s.params,
  );
  return byGroup(rows);
}

/** Reach per channel; the group value is the reach over all channels together. */
export const reachByChannel: MetricComputer = async (ctx, q) =>
  (await attemptCounts(ctx, q)).map(([key, counts]) => {
    const channels = reachRateByChannel(counts.flatMap((c) => repeat({ channel: c.channel, reached: c.reached }, c.n)));
    const attempts = channels.reduce((sum, c) => sum + c.attempts, 0);
    const reached = channels.reduce((sum, c) => sum + c.reached, 0);
    return { key, value: attempts === 0 ? null : reached / attempts, attempts, reached, channels };
  });

/** Share of phone attempts made by the AI voice robot rather than an agent. */
export const robotShare: MetricComputer = async (ctx, q) =>
  (await attemptCounts(ctx, q)).map(([key, counts]) => {
    const robot = counts.filter((c) => c.channel === 'phone-robot').reduce((sum, c) => sum + c.n, 0);
    const agent = counts.filter((c) => c.channel === 'phone-agent').reduce((sum, c) => sum + c.n, 0);
    return {
      key,
      value: robot + agent === 0 ? null : robot / (robot + agent),
      robotAttempts: robot,
      agentAttempts: agent,
    };
  });

/** Escalations: completed tasks that asked the treating doctor to call back, and complaints sent upwards. */
export const escalations: MetricComputer = async (ctx, q) => {
  const s = scopeOf(COMPLETED_TASKS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const n = s.params.length;
  const rows: { grp: string | null; callbacks: number; complaints: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, count(*) FILTER (WHERE t.needs_doctor_callback)::int AS callbacks,
            (SELECT count(*)::int FROM ${table('complaint')} c
              WHERE c.org_id = $1 AND c.escalated AND (c.resolved_at AT TIME ZONE $${n + 1})::date
                    BETWEEN $${n + 2}::date AND $${n + 3}::date) AS complaints
       FROM ${s.from} WHERE ${s.where} AND t.status = 'completed' GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    [...s.params, ctx.zone, q.from, q.to],
  );
  return rows.map(({ grp, callbacks, complaints }) => ({
    key: grp,
    value: callbacks + (q.groupBy === undefined ? complaints : 0),
    doctorCallbacks: callbacks,
    escalatedComplaints: q.groupBy === undefined ? complaints : null,
  }));
};

/**
 * Per agent: phone calls, talk time and tasks they completed in the period (call-centre workload), and the
 * mean audit score of their calls of the period that were sampled and scored.
 */
export const agentWorkload: MetricComputer = async (ctx, q) => {
  const s = scopeOf(ATTEMPTS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const n = s.params.length;
  const rows: {
    grp: string | null;
    agent: string;
    calls: number;
    talk_seconds: number;
    completions: number;
    audit_score: string | null;
  }[] = await ctx.db.query(
    `WITH calls AS (
       SELECT ${s.group} AS grp, x.agent_id AS agent, count(*)::int AS calls, sum(x.talk_seconds)::int AS talk_seconds
         FROM ${s.from} WHERE ${s.where} AND x.agent_id IS NOT NULL GROUP BY 1, 2),
     done AS (
       SELECT t.completed_by AS agent, count(*)::int AS completions FROM ${table('task')} t
        WHERE t.org_id = $1 AND t.status = 'completed' AND t.completed_by IS NOT NULL
          AND (t.completed_at AT TIME ZONE $${n + 1})::date BETWEEN $${n + 2}::date AND $${n + 3}::date
        GROUP BY 1),
     audits AS (
       SELECT ca.agent_id AS agent, avg(ca.total_score)::text AS audit_score FROM ${table('call_audit')} ca
        WHERE ca.org_id = $1 AND ca.local_date BETWEEN $${n + 2}::date AND $${n + 3}::date GROUP BY 1)
     SELECT calls.*, COALESCE(done.completions, 0) AS completions, audits.audit_score
       FROM calls LEFT JOIN done USING (agent) LEFT JOIN audits USING (agent)
      ORDER BY grp NULLS FIRST, agent`,
    [...s.params, ctx.zone, q.from, q.to],
  );
  return byGroup(rows).map(([key, agents]) => ({
    key,
    value: agents.reduce((sum, a) => sum + a.calls, 0),
    agents: agents.map(({ agent, calls, talk_seconds, completions, audit_score }) => ({
      agent,
      calls,
      talkSeconds: talk_seconds,
      completions,
      auditScore: audit_score === null ? null : Number(audit_score),
    })),
  }));
};

/** Mean checklist score of the calls of the period that were drawn for audit and scored, overall and per agent. */
export const callAuditScore: MetricComputer = async (ctx, q) => {
  const s = scopeOf(CALL_AUDITS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; agent: string; audited: number; total: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, ca.agent_id AS agent, count(*)::int AS audited, sum(ca.total_score)::int AS total
       FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2`,
    s.params,
  );
  return byGroup(rows).map(([key, agents]) => {
    const audited = agents.reduce((sum, a) => sum + a.audited, 0);
    const total = agents.reduce((sum, a) => sum + a.total, 0);
    return {
      key,
      value: audited === 0 ? null : total / audited,
      audited,
      agents: agents.map((a) => ({ agent: a.agent, audited: a.audited, meanScore: a.total / a.audited })),
    };
  });
};
