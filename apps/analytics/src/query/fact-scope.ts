import { table } from '../read-models/read-model-sql';
import { type Dimension, type FilterDimension, type MetricQuery } from './metric-query';
import { MetricQueryError, MetricQueryErrorCode } from './query.errors';

/** How one read-model table exposes the dashboard dimensions. */
export interface FactTable {
  readonly name: string;
  readonly alias: string;
  /** Local-date column the period applies to. */
  readonly date: string;
  readonly dims: Partial<Record<FilterDimension, string>>;
}

export const VISITS: FactTable = {
  name: 'visit',
  alias: 'v',
  date: 'v.local_date',
  dims: { site: 'v.site_id', department: 'v.department_code', doctor: 'v.doctor_id', disease: 'v.disease_code' },
};
export const APPOINTMENTS: FactTable = {
  name: 'appointment',
  alias: 'a',
  date: 'a.local_date',
  dims: { site: 'a.site_id', department: 'a.department_code', doctor: 'a.doctor_id' },
};
export const TASKS: FactTable = {
  name: 'task',
  alias: 't',
  date: 't.due_date',
  dims: { site: 't.site_id', department: 't.department_code', doctor: 't.doctor_id', channel: 't.channel' },
};
export const COMPLETED_TASKS: FactTable = { ...TASKS, date: `(t.completed_at AT TIME ZONE $TZ)::date` };
export const ATTEMPTS: FactTable = {
  name: 'attempt',
  alias: 'x',
  date: 'x.local_date',
  dims: { channel: 'x.channel' },
};
export const SURVEYS: FactTable = {
  name: 'survey_response',
  alias: 's',
  date: 's.local_date',
  dims: { department: 's.department_code', doctor: 's.doctor_id', channel: 's.channel' },
};
export const COMPLAINTS: FactTable = {
  name: 'complaint',
  alias: 'c',
  date: 'c.local_date',
  dims: { department: 'c.department_code', doctor: 'c.doctor_id' },
};
export const DISPENSES: FactTable = {
  name: 'dispense',
  alias: 'd',
  date: 'd.local_date',
  dims: { site: 'd.site_id', department: 'd.department_code', doctor: 'd.doctor_id' },
};
export const CALL_AUDITS: FactTable = { name: 'call_audit', alias: 'ca', date: 'ca.local_date', dims: {} };
export const COHORTS: FactTable = { name: 'cohort', alias: 'k', date: 'k.local_date', dims: {} };

const AGE_BAND_SQL = (alias: string, date: string) => `CASE
  WHEN ${alias}.birth_date IS NULL THEN 'unknown'
  WHEN date_part('year', age(${date}, ${alias}.birth_date)) < 18 THEN '0-17'
  WHEN date_part('year', age(${date}, ${alias}.birth_date)) < 45 THEN '18-44'
  WHEN date_part('year', age(${date}, ${alias}.birth_date)) < 60 THEN '45-59'
  WHEN date_part('year', age(${date}, ${alias}.birth_date)) < 75 THEN '60-74'
  ELSE '75+' END`;

/** A FROM + WHERE + group expression for one fact table under a query's filters and grouping. */
export interface ScopedSql {
  readonly from: string;
  readonly where: string;
  /** Group key expression (text), `NULL::text` without grouping. */
  readonly group: string;
  readonly params: unknown[];
}

export interface ScopeOptions {
  /** Date range the facts must fall in; omit to leave the date open (e.g. history before the period). */
  readonly range?: { from: string; to: string } | { upTo: string };
  readonly zone: string;
  /** Dimensions answered elsewhere (e.g. drug class from the fills), left out of the SQL grouping. */
  readonly groupedOutside?: readonly Dimension[];
}

/**
 * Builds the SQL scope of a fact table: organisation, date range, each filter, and the grouping column.
 * A filter or grouping on a dimension the table does not carry is refused rather than silently ignored.
 */
export function scopeOf(fact: FactTable, q: MetricQuery, options: ScopeOptions): ScopedSql {
  const a = fact.alias;
  const params: unknown[] = [q.org];
  const where = [`${a}.org_id = $1`];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const date = fact.date.includes('$TZ') ? fact.date.replace('$TZ', `${add(options.zone)}::text`) : fact.date;
  let needsPatient = false;
  if (options.range && 'from' in options.range) {
    where.push(`${date} BETWEEN ${add(options.range.from)}::date AND ${add(options.range.to)}::date`);
  } else if (options.range) {
    where.push(`${date} <= ${add(options.range.upTo)}::date`);
  }
  for (const [dimension, value] of Object.entries(q.filters) as [FilterDimension, string][]) {
    if (dimension === 'ageBand') {
      needsPatient = true;
      where.push(`${AGE_BAND_SQL('p', date)} = ${add(value)}`);
    } else if (dimension === 'drugClass' && fact === DISPENSES) {
      where.push(`${add(value)} = ANY(${a}.class_codes)`);
    } else {
      const column = fact.dims[dimension];
      if (column === undefined) unsupported(dimension, fact);
      where.push(`${column} = ${add(value)}`);
    }
  }
  let group = 'NULL::text';
  const groupBy = q.groupBy;
  if (groupBy !== undefined && !(options.groupedOutside ?? []).includes(groupBy)) {
    if (groupBy === 'period') group = `to_char(date_trunc(${add(q.interval)}, ${date}), 'YYYY-MM-DD')`;
    else if (groupBy === 'ageBand') {
      needsPatient = true;
      group = AGE_BAND_SQL('p', date);
    } else {
      const column = fact.dims[groupBy];
      if (column === undefined) unsupported(groupBy, fact);
      group = `${column}::text`;
    }
  }
  const join = needsPatient
    ? ` LEFT JOIN ${table('patient')} p ON p.org_id = ${a}.org_id AND p.patient_id = ${a}.patient_id`
    : '';
  return { from: `${table(fact.name)} ${a}${join}`, where: where.join(' AND '), group, params };
}

function unsupported(dimension: string, fact: FactTable): never {
  throw new MetricQueryError(
    MetricQueryErrorCode.DimensionNotSupported,
    `${dimension} is not recorded on ${fact.name.replace('_', ' ')} facts`,
  );
}
