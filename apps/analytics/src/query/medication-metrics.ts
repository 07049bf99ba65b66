import { type MedicationDispenseReversedV1, type MedicationDispensedV1 } from '@revisit/domain';
import {
  adherentShare,
  fillsFromDispenses,
  type PatientDrugClassFills,
  proportionOfDaysCovered,
  refillOnTime,
} from '../metrics';
import { table } from '../read-models/read-model-sql';
import { DISPENSES, scopeOf } from './fact-scope';
import { type MetricQuery } from './metric-query';
import { byGroup, type MetricComputer, type MetricContext, type MetricGroup } from './metric-result';

export interface FillGroup extends PatientDrugClassFills {
  readonly key: string | null;
}

/** UTC offset of the organisation's zone on a day, so dispense dates match the read model's local dates. */
function offsetMinutes(zone: string, date: string): number {
  const at = new Date(`${date}T12:00:00Z`);
  const local = new Date(at.toLocaleString('en-US', { timeZone: zone }));
  const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 60_000);
}

/**
 * Fill lists per (group, patient, drug class) from the stored dispense and reversal payloads, through the
 * same `fillsFromDispenses` the metric tests use. Dispenses without a stated days supply are counted apart.
 */
export async function fillGroups(
  ctx: MetricContext,
  q: MetricQuery,
  range: { from: string; to: string },
): Promise<{ groups: FillGroup[]; withoutDaysSupply: number }> {
  const s = scopeOf(DISPENSES, q, { range, zone: ctx.zone, groupedOutside: ['drugClass'] });
  const rows: {
    grp: string | null;
    patient_id: string;
    payload: MedicationDispensedV1;
    reversals: MedicationDispenseReversedV1[];
  }[] = await ctx.db.query(
    `SELECT ${s.group} AS grp, d.patient_id, d.payload,
              COALESCE((SELECT json_agg(r.payload) FROM ${table('dispense_reversal')} r
                         WHERE r.org_id = d.org_id AND r.dispense_key = d.dispense_key), '[]') AS reversals
         FROM ${s.from} WHERE ${s.where}`,
    s.params,
  );
  const groups: FillGroup[] = [];
  let withoutDaysSupply = 0;
  for (const [key, list] of byGroup(rows)) {
    // The stored row's patient id (re-keyed by merges) wins over the id inside the original payload.
    const dispenses = list.map((r) => ({
      ...r.payload,
      patient: { ...r.payload.patient, enterpriseId: r.patient_id },
    }));
    const result = fillsFromDispenses(
      dispenses,
      list.flatMap((r) => r.reversals),
      { classSystem: q.params.classSystem, utcOffsetMinutes: offsetMinutes(ctx.zone, range.to) },
    );
    withoutDaysSupply += result.withoutDaysSupply;
    for (const group of result.groups) {
      if (q.filters.drugClass !== undefined && group.drugClass !== q.filters.drugClass) continue;
      const groupKey = q.groupBy === 'drugClass' ? group.drugClass : key;
      groups.push({ ...group, key: groupKey });
    }
  }
  return { groups, withoutDaysSupply };
}

function perKey(groups: FillGroup[]): [string | null, FillGroup[]][] {
  return byGroup(groups.map((g) => ({ ...g, grp: g.key })));
}

/** Mean PDC over the patient/drug-class lists with a fill in the period; per list in the drill-down. */
export const daysCovered: MetricComputer = async (ctx, q) => {
  const period = { start: q.from, end: q.to };
  const { groups, withoutDaysSupply } = await fillGroups(ctx, q, { from: q.from, to: q.to });
  return perKey(groups).map(([key, lists]): MetricGroup => {
    const pdcs = lists.map((l) => proportionOfDaysCovered(period, l.fills).pdc).filter((p): p is number => p !== null);
    const value = pdcs.length === 0 ? null : pdcs.reduce((a, b) => a + b, 0) / pdcs.length;
    return { key, value, lists: pdcs.length, withoutDaysSupply };
  });
};

export const adherent: MetricComputer = async (ctx, q) => {
  const { groups } = await fillGroups(ctx, q, { from: q.from, to: q.to });
  return perKey(groups).map(([key, lists]) => {
    const result = adherentShare(
      { start: q.from, end: q.to },
      lists.map((l) => l.fills),
    );
    return { key, value: result.rate, ...result };
  });
};

/** Refills due in the period over every fill up to its end, summed over patient/drug-class lists. */
export const refillsOnTime: MetricComputer = async (ctx, q) => {
  const { groups } = await fillGroups(ctx, q, { from: '1900-01-01', to: q.to });
  const asOf = q.asOf.slice(0, 10) < q.to ? q.asOf.slice(0, 10) : q.to;
  return perKey(groups).map(([key, lists]) => {
    let onTime = 0;
    let due = 0;
    for (const list of lists) {
      const result = refillOnTime(list.fills, asOf, q.params.graceDays);
      onTime += result.onTime;
      due += result.due;
    }
    return { key, value: due === 0 ? null : onTime / due, onTime, due };
  });
};
