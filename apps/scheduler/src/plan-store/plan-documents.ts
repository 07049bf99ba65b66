import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';
import { type PlanDocument } from '../plans/plan.types';

/**
 * Finds the exact plan version a task was derived from: the org's stored version, else the built-in
 * template of that id and version. Versions never change once stored, so answers are cached for good.
 */
export class PlanDocuments {
  private readonly cache = new Map<string, PlanDocument | undefined>();

  constructor(private readonly builtins: readonly PlanDocument[]) {}

  async find(
    manager: EntityManager,
    orgId: string,
    planId: string,
    version: number,
  ): Promise<PlanDocument | undefined> {
    const key = `${orgId}|${planId}|${version}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const rows: { document: PlanDocument }[] = await manager.query(
      `SELECT document FROM "${SCHEDULER_SCHEMA}".plan_version WHERE org_id = $1 AND plan_id = $2 AND version = $3`,
      [orgId, planId, version],
    );
    const found = rows[0]?.document ?? this.builtins.find((plan) => plan.id === planId && plan.version === version);
    if (found !== undefined) this.cache.set(key, found);
    return found;
  }
}
