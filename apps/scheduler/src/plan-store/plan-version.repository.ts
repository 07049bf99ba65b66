import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';
import { type PlanDocument } from '../plans/plan.types';

const TABLE = `"${SCHEDULER_SCHEMA}".plan_version`;

export interface PlanVersionSummary {
  readonly planId: string;
  readonly version: number;
  readonly active: boolean;
  readonly createdAt: string;
  readonly activatedAt: string | null;
}

export interface StoredPlanVersion extends PlanVersionSummary {
  readonly sourceYaml: string;
  readonly document: PlanDocument;
}

interface Row {
  plan_id: string;
  version: number;
  active: boolean;
  created_at: Date;
  activated_at: Date | null;
  source_yaml?: string;
  document?: PlanDocument;
}

function summary(row: Row): PlanVersionSummary {
  return {
    planId: row.plan_id,
    version: row.version,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
  };
}

/** An organisation's plan versions; every query is scoped to one org. */
export class PlanVersionRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Stores a version unless one at least as new exists (returns false then); versions only go up. */
  async insertIfNewer(orgId: string, plan: PlanDocument, sourceYaml: string): Promise<boolean> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduler-plan|${orgId}|${plan.id}`]);
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, plan_id, version, source_yaml, document)
       SELECT $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM ${TABLE} WHERE org_id = $1 AND plan_id = $2 AND version >= $3)
       RETURNING version`,
      [orgId, plan.id, plan.version, sourceYaml, JSON.stringify(plan)],
    );
    return rows.length > 0;
  }

  async list(orgId: string): Promise<PlanVersionSummary[]> {
    const rows: Row[] = await this.manager.query(
      `SELECT plan_id, version, active, created_at, activated_at FROM ${TABLE}
        WHERE org_id = $1 ORDER BY plan_id, version DESC`,
      [orgId],
    );
    return rows.map(summary);
  }

  async versionsOf(orgId: string, planId: string): Promise<StoredPlanVersion[]> {
    const rows: Row[] = await this.manager.query(
      `SELECT plan_id, version, active, created_at, activated_at, source_yaml, document FROM ${TABLE}
        WHERE org_id = $1 AND plan_id = $2 ORDER BY version DESC`,
      [orgId, planId],
    );
    return rows.map((row) => ({ ...summary(row), sourceYaml: row.source_yaml ?? '', document: row.document! }));
  }

  /** Puts one version in force (the previous active one of that plan steps down). False if it does not exist. */
  async activate(orgId: string, planId: string, version: number): Promise<boolean> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scheduler-plan|${orgId}|${planId}`]);
    const exists: unknown[] = await this.manager.query(
      `SELECT 1 FROM ${TABLE} WHERE org_id = $1 AND plan_id = $2 AND version = $3`,
      [orgId, planId, version],
    );
    if (exists.length === 0) return false;
    await this.manager.query(
      `UPDATE ${TABLE} SET active = false WHERE org_id = $1 AND plan_id = $2 AND active AND version <> $3`,
      [orgId, planId, version],
    );
    await this.manager.query(
      `UPDATE ${TABLE} SET active = true, activated_at = now() WHERE org_id = $1 AND plan_id = $2 AND version = $3`,
      [orgId, planId, version],
    );
    return true;
  }

  async activeDocuments(orgId: string): Promise<PlanDocument[]> {
    const rows: { document: PlanDocument }[] = await this.manager.query(
      `SELECT document FROM ${TABLE} WHERE org_id = $1 AND active ORDER BY plan_id`,
      [orgId],
    );
    return rows.map((row) => row.document);
  }
}
