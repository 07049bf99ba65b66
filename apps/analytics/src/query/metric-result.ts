import { type EntityManager } from 'typeorm';
import { type MetricQuery } from './metric-query';

/** One figure of a metric: the value for a group (`key` null without grouping) and what it was built from. */
export interface MetricGroup {
  readonly key: string | null;
  readonly value: number | null;
  readonly [detail: string]: unknown;
}

export interface MetricContext {
  readonly db: EntityManager;
  readonly zone: string;
}

export type MetricComputer = (ctx: MetricContext, q: MetricQuery) => Promise<MetricGroup[]>;

/** Rows grouped by their `grp` column, in key order (null first). */
export function byGroup<T extends { grp: string | null }>(rows: readonly T[]): [string | null, T[]][] {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = groups.get(row.grp) ?? [];
    list.push(row);
    groups.set(row.grp, list);
  }
  return [...groups].sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''));
}

/** `n` copies of a value: turns a SQL histogram back into the list a pure metric function takes. */
export function repeat<T>(value: T, n: number): T[] {
  return Array.from({ length: n }, () => value);
}

/** Local calendar date (YYYY-MM-DD) of an instant string in the query's frame; pg returns dates as text. */
export const asDate = (value: string | Date): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
