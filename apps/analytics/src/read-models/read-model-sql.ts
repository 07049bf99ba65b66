import { ANALYTICS_SCHEMA } from '../database/analytics-schema';

/** Schema-qualified table name of a read model. */
export const table = (name: string): string => `"${ANALYTICS_SCHEMA}".${name}`;

/**
 * The enterprise id a fact is stored under: the surviving id when the given one was merged away, so a late
 * event about a retired id lands on the merged patient.
 */
export const survivingPatient = (org: string, id: string): string =>
  `COALESCE((SELECT surviving_id FROM ${table('patient_alias')} WHERE org_id = ${org} AND retired_id = ${id}), ${id})`;

/** Calendar day of an instant in the organisation's zone. */
export const localDate = (instant: string, zone: string): string =>
  `((${instant})::timestamptz AT TIME ZONE ${zone})::date`;
