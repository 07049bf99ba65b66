import { parseRequest } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';
import { AGE_BANDS, assertPeriod, DIMENSIONS, type MetricQuery } from '../query/metric-query';

const Identifier = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const IntParam = (max: number) => Type.String({ pattern: `^[1-9][0-9]{0,${String(max).length - 1}}$` });

export const MetricRequestSchema = Type.Object(
  {
    org: Identifier,
    from: DateParam,
    to: DateParam,
    groupBy: Type.Optional(Type.Union(DIMENSIONS.map((d) => Type.Literal(d)))),
    interval: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')])),
    site: Type.Optional(Identifier),
    department: Type.Optional(Identifier),
    doctor: Type.Optional(Identifier),
    disease: Type.Optional(Type.String({ pattern: '^[A-Z][0-9][0-9A-Z]$' })),
    drugClass: Type.Optional(Identifier),
    channel: Type.Optional(Identifier),
    ageBand: Type.Optional(Type.Union(AGE_BANDS.map((b) => Type.Literal(b)))),
    asOf: Type.Optional(Type.String({ format: 'date-time' })),
    activeDays: Type.Optional(IntParam(3660)),
    cadenceDays: Type.Optional(IntParam(3660)),
    slaHours: Type.Optional(IntParam(10000)),
    graceDays: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$' })),
    classSystem: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    plan: Type.Optional(Identifier),
    level: Type.Optional(Type.Union([Type.Literal('0.9'), Type.Literal('0.95'), Type.Literal('0.99')])),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
    limit: Type.Optional(IntParam(10000)),
  },
  { additionalProperties: false },
);
export type MetricRequest = Static<typeof MetricRequestSchema>;

/** Defaults of the per-metric knobs (docs/metrics.md, "Query parameters"). */
export const PARAM_DEFAULTS = {
  activeDays: 365,
  cadenceDays: 90,
  slaHours: 72,
  graceDays: 7,
  classSystem: 'ATC',
  level: 0.95,
} as const;

/** Validates the query string and builds the metric query; `now` is the instant the request is answered. */
export function metricQueryOf(raw: unknown, now: Date): { query: MetricQuery; request: MetricRequest } {
  const r = parseRequest(MetricRequestSchema, raw);
  assertPeriod(r.from, r.to);
  const filters = Object.fromEntries(
    (['site', 'department', 'doctor', 'disease', 'drugClass', 'channel', 'ageBand'] as const)
      .filter((d) => r[d] !== undefined)
      .map((d) => [d, r[d]]),
  );
  const query: MetricQuery = {
    org: r.org,
    from: r.from,
    to: r.to,
    ...(r.groupBy === undefined ? {} : { groupBy: r.groupBy }),
    interval: r.interval ?? 'month',
    filters,
    asOf: r.asOf === undefined ? now.toISOString() : new Date(r.asOf).toISOString(),
    params: {
      activeDays: Number(r.activeDays ?? PARAM_DEFAULTS.activeDays),
      cadenceDays: Number(r.cadenceDays ?? PARAM_DEFAULTS.cadenceDays),
      slaHours: Number(r.slaHours ?? PARAM_DEFAULTS.slaHours),
      graceDays: Number(r.graceDays ?? PARAM_DEFAULTS.graceDays),
      classSystem: r.classSystem ?? PARAM_DEFAULTS.classSystem,
      ...(r.plan === undefined ? {} : { plan: r.plan }),
      level: r.level === undefined ? PARAM_DEFAULTS.level : (Number(r.level) as 0.9 | 0.95 | 0.99),
    },
  };
  return { query, request: r };
}
