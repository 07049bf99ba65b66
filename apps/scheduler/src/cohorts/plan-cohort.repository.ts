import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';
import { type CohortArm } from './cohort-arm';

const TABLE = `"${SCHEDULER_SCHEMA}".plan_cohort`;

export interface CohortEntry {
  readonly planId: string;
  readonly patientId: string;
  readonly arm: CohortArm;
  readonly planVersion: number;
}

/** Which arm each patient entered each plan in; the first draw stands for good. */
export class PlanCohortRepository {
  constructor(private readonly manager: EntityManager) {}

  async armsOf(orgId: string, patientIds: readonly string[]): Promise<Map<string, CohortArm>> {
    const rows: { plan_id: string; patient_id: string; arm: CohortArm }[] = await this.manager.query(
      `SELECT plan_id, patient_id, arm FROM ${TABLE} WHERE org_id = $1 AND patient_id = ANY($2::text[])`,
      [orgId, patientIds],
    );
    return new Map(rows.map((row) => [`${row.plan_id}|${row.patient_id}`, row.arm]));
  }

  /** Stores new entries; returns those that were not there yet (the ones to announce). */
  async insertNew(orgId: string, entries: readonly CohortEntry[]): Promise<CohortEntry[]> {
    if (entries.length === 0) return [];
    const rows: { plan_id: string; patient_id: string }[] = await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, plan_id, patient_id, arm, plan_version)
       SELECT $1, p, e, a, v FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS t(p, e, a, v)
       ON CONFLICT (org_id, plan_id, patient_id) DO NOTHING
       RETURNING plan_id, patient_id`,
      [
        orgId,
        entries.map((e) => e.planId),
        entries.map((e) => e.patientId),
        entries.map((e) => e.arm),
        entries.map((e) => e.planVersion),
      ],
    );
    const inserted = new Set(rows.map((row) => `${row.plan_id}|${row.patient_id}`));
    return entries.filter((e) => inserted.has(`${e.planId}|${e.patientId}`));
  }
}
