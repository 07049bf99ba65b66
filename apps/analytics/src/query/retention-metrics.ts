import {
  averageTimeBetweenVisits,
  churnRate,
  noShowRate,
  patientLifetimeValue,
  patientRetentionRate,
  reminderEffectOnNoShows,
  type AppointmentRecord,
} from '../metrics';
import { addDays, daysBetween, type MetricQuery, periodBuckets } from './metric-query';
import { APPOINTMENTS, scopeOf, VISITS } from './fact-scope';
import { byGroup, type MetricComputer, type MetricContext, type MetricGroup, repeat } from './metric-result';
import { table } from '../read-models/read-model-sql';

interface PatientDays {
  grp: string | null;
  patient_id: string;
  days: string[];
}

/** Distinct visit days per (group, patient) within a date range. */
async function visitDays(ctx: MetricContext, q: MetricQuery, range: { from: string; to: string } | { upTo: string }) {
  const s = scopeOf(VISITS, q, { range, zone: ctx.zone });
  const rows: PatientDays[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, v.patient_id, array_agg(DISTINCT v.local_date::text ORDER BY v.local_date::text) AS days
       FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2`,
    s.params,
  );
  return rows;
}

/**
 * PRR per period: PS = patients with a visit in the `activeDays` before the period; PE = patients with a
 * visit in the `activeDays` up to its last day; PN = those of PE not on the books at the start (first-time
 * and won-back patients), so PE − PN are exactly the starters still on the books.
 */
export const patientRetention: MetricComputer = async (ctx, q) => {
  const periods = q.groupBy === 'period' ? periodBuckets(q.from, q.to, q.interval) : [{ start: q.from, end: q.to }];
  const inner: MetricQuery = q.groupBy === 'period' ? { ...q, groupBy: undefined } : q;
  const out: MetricGroup[] = [];
  for (const period of periods) {
    const s = scopeOf(VISITS, inner, {
      range: { from: addDays(period.start, -q.params.activeDays), to: period.end },
      zone: ctx.zone,
    });
    const n = s.params.length;
    const rows: { grp: string | null; ps: number; pe: number; pn: number }[] = await ctx.db.query(
      `WITH books AS (
         SELECT ${s.group} AS grp, v.patient_id,
                bool_or(v.local_date < $${n + 1}::date) AS at_start,
                bool_or(v.local_date > $${n + 2}::date - $${n + 3}::int) AS at_end
           FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2)
       SELECT grp, count(*) FILTER (WHERE at_start)::int AS ps, count(*) FILTER (WHERE at_end)::int AS pe,
              count(*) FILTER (WHERE at_end AND NOT at_start)::int AS pn
         FROM books GROUP BY grp`,
      [...s.params, period.start, period.end, q.params.activeDays],
    );
    for (const row of rows) {
      const counts = { patientsAtStart: row.ps, patientsAtEnd: row.pe, newPatients: row.pn };
      const key = q.groupBy === 'period' ? period.start : row.grp;
      out.push({ key, value: patientRetentionRate(counts), ...counts });
    }
  }
  return out.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
};

/**
 * Churn: every patient seen up to the period end is expected to return every `cadenceDays` from their first
 * visit until they leave care (deceased, moved away, refused follow-up).
 */
export const churn: MetricComputer = async (ctx, q) => {
  const s = scopeOf(VISITS, q, { range: { upTo: q.to }, zone: ctx.zone });
  const n = s.params.length;
  // Only the first visit (the plan's start) needs the whole history; the visits that count are the period's,
  // so the database aggregates those alone. Patients who left care before the period expect nothing.
  const rows: {
    grp: string | null;
    patient_id: string;
    first_day: string;
    days: string[] | null;
    left: string | null;
  }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, v.patient_id, min(v.local_date)::text AS first_day,
              array_agg(DISTINCT v.local_date::text) FILTER (WHERE v.local_date >= $${n + 1}::date) AS days,
              min(pc.left_care_on)::text AS left
         FROM ${s.from}
         LEFT JOIN ${table('patient')} pc ON pc.org_id = v.org_id AND pc.patient_id = v.patient_id
        WHERE ${s.where} GROUP BY 1, 2
       HAVING min(pc.left_care_on) IS NULL OR min(pc.left_care_on) >= $${n + 1}::date`,
    [...s.params, q.from],
  );
  return byGroup(rows).map(([key, patients]) => {
    const result = churnRate(
      { start: q.from, end: q.to },
      patients.map((p) => ({
        planStart: p.first_day,
        ...(p.left === null ? {} : { planEnd: p.left }),
        cadenceDays: q.params.cadenceDays,
        visitDates: p.days ?? [],
      })),
    );
    return { key, value: result.rate, ...result, patients: patients.length };
  });
};

/** PLTV over the patients who visited in the period: revenue in the period, lifespan over their whole history. */
export const lifetimeValue: MetricComputer = async (ctx, q) => {
  const s = scopeOf(VISITS, q, { range: { upTo: q.to }, zone: ctx.zone });
  const n = s.params.length;
  const rows: (PatientDays & { revenue: string })[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, v.patient_id,
            array_agg(DISTINCT v.local_date::text ORDER BY v.local_date::text) AS days,
            COALESCE(sum(v.charge_minor) FILTER (WHERE v.local_date >= $${n + 1}::date), 0)::text AS revenue
       FROM ${s.from} WHERE ${s.where} GROUP BY 1, 2
     HAVING bool_or(v.local_date >= $${n + 1}::date)`,
    [...s.params, q.from],
  );
  const windowDays = daysBetween(q.from, q.to) + 1;
  return byGroup(rows).map(([key, patients]) => {
    const result = patientLifetimeValue({
      windowDays,
      patients: patients.map((p) => ({ visitDates: p.days, revenueInWindowMinor: Number(p.revenue) })),
    });
    return { key, value: result.lifetimeValueMinor, ...result, windowDays };
  });
};

export const timeBetweenVisits: MetricComputer = async (ctx, q) => {
  const rows = await visitDays(ctx, q, { from: q.from, to: q.to });
  return byGroup(rows).map(([key, patients]) => {
    const result = averageTimeBetweenVisits(patients.map((p) => ({ visitDates: p.days })));
    return { key, value: result.meanDays, ...result };
  });
};

/**
 * Appointments in the period by outcome and whether an appointment reminder reached the patient in the
 * three days before the start (an answered call or a delivered message on an `appointment-reminder` task).
 */
async function appointmentRecords(ctx: MetricContext, q: MetricQuery) {
  const s = scopeOf(APPOINTMENTS, q, { range: { from: q.from, to: q.to }, zone: ctx.zone });
  const rows: { grp: string | null; outcome: AppointmentRecord['outcome']; reminded: boolean; n: number }[] =
    await ctx.db.query(
      `SELECT ${s.group} AS grp, a.outcome,
              EXISTS (SELECT 1 FROM ${table('attempt')} x JOIN ${table('task')} t
                        ON t.org_id = x.org_id AND t.task_id = x.task_id AND t.purpose = 'appointment-reminder'
                       WHERE x.org_id = a.org_id AND x.patient_id = a.patient_id AND x.reached
                         AND x.started_at BETWEEN a.start_at - interval '3 days' AND a.start_at) AS reminded,
              count(*)::int AS n
         FROM ${s.from} WHERE ${s.where} AND a.outcome <> 'booked' GROUP BY 1, 2, 3`,
      s.params,
    );
  return byGroup(rows).map(
    ([key, counts]) => [key, counts.flatMap((c) => repeat({ outcome: c.outcome, reminded: c.reminded }, c.n))] as const,
  );
}

export const noShows: MetricComputer = async (ctx, q) =>
  (await appointmentRecords(ctx, q)).map(([key, records]) => {
    const result = noShowRate(records);
    return { key, value: result.rate, ...result };
  });

export const reminderEffect: MetricComputer = async (ctx, q) =>
  (await appointmentRecords(ctx, q)).map(([key, records]) => {
    const result = reminderEffectOnNoShows(records, q.params.level);
    return { key, value: result.difference.difference, ...result };
  });
