import { complaintResolution, customerSatisfaction, netPromoterScore, surveyResponseRate } from '../metrics';
import { table } from '../read-models/read-model-sql';
import { COMPLAINTS, scopeOf, SURVEYS, TASKS } from './fact-scope';
import { byGroup, type MetricComputer, repeat } from './metric-result';

async function scoreHistogram(
  ctx: Parameters<MetricComputer>[0],
  q: Parameters<MetricComputer>[1],
  column: 'nps' | 'csat',
) {
  const s = scopeOf(SURVEYS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; score: number; n: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, s.${column} AS score, count(*)::int AS n
       FROM ${s.from} WHERE ${s.where} AND s.${column} IS NOT NULL GROUP BY 1, 2`,
    s.params,
  );
  return byGroup(rows).map(([key, counts]) => [key, counts.flatMap((c) => repeat(c.score, c.n))] as const);
}

export const promoterScore: MetricComputer = async (ctx, q) =>
  (await scoreHistogram(ctx, q, 'nps')).map(([key, scores]) => {
    const result = netPromoterScore(scores);
    return { key, value: result.score, ...result, answers: scores.length };
  });

export const satisfaction: MetricComputer = async (ctx, q) =>
  (await scoreHistogram(ctx, q, 'csat')).map(([key, scores]) => ({
    key,
    value: customerSatisfaction(scores),
    answers: scores.length,
    satisfied: scores.filter((s) => s >= 4).length,
  }));

/** Satisfaction-survey tasks due in the period with at least one attempt (sent) and those answered. */
export const responseRate: MetricComputer = async (ctx, q) => {
  const s = scopeOf(TASKS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; sent: number; answered: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, count(*)::int AS sent,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${table('survey_response')} r
                                            WHERE r.org_id = t.org_id AND r.task_id = t.task_id))::int AS answered
       FROM ${s.from}
      WHERE ${s.where} AND t.purpose = 'satisfaction-survey'
        AND EXISTS (SELECT 1 FROM ${table('attempt')} x WHERE x.org_id = t.org_id AND x.task_id = t.task_id)
      GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    s.params,
  );
  return rows.map(({ grp, sent, answered }) => ({
    key: grp,
    value: surveyResponseRate(sent, answered),
    sent,
    answered,
  }));
};

/** How many answers carry a free-text comment; the text itself is in the (role-checked) drill-down. */
export const comments: MetricComputer = async (ctx, q) => {
  const s = scopeOf(SURVEYS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; comments: number; answers: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, count(s.free_text)::int AS comments, count(*)::int AS answers
       FROM ${s.from} WHERE ${s.where} GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    s.params,
  );
  return rows.map(({ grp, ...counts }) => ({ key: grp, value: counts.comments, ...counts }));
};

export const complaintsByKind: MetricComputer = async (ctx, q) => {
  const s = scopeOf(COMPLAINTS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; kind: string; n: number }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, c.kind, count(*)::int AS n FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2 ORDER BY 2`,
    s.params,
  );
  return byGroup(rows).map(([key, kinds]) => ({
    key,
    value: kinds.reduce((sum, k) => sum + k.n, 0),
    byKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
  }));
};

async function resolution(ctx: Parameters<MetricComputer>[0], q: Parameters<MetricComputer>[1]) {
  const s = scopeOf(COMPLAINTS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; opened_at: Date; resolved_at: Date | null }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, c.opened_at, c.resolved_at FROM ${s.from}
      WHERE ${s.where} AND c.opened_at IS NOT NULL AND c.kind IN ('complaint', 'criticism')`,
    s.params,
  );
  return byGroup(rows).map(([key, cases]) => {
    const result = complaintResolution(
      cases.map((c) => ({
        openedAt: c.opened_at.toISOString(),
        ...(c.resolved_at === null ? {} : { resolvedAt: c.resolved_at.toISOString() }),
      })),
      q.params.slaHours,
      q.asOf,
    );
    return { key, result };
  });
}

export const medianResolution: MetricComputer = async (ctx, q) =>
  (await resolution(ctx, q)).map(({ key, result }) => ({ key, value: result.medianHoursToResolution, ...result }));

export const slaBreaches: MetricComputer = async (ctx, q) =>
  (await resolution(ctx, q)).map(({ key, result }) => ({ key, value: result.slaBreaches, ...result }));
