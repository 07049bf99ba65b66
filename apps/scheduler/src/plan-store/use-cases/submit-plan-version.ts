import { type DataSource } from 'typeorm';
import { PlanValidationError } from '../../plans/plan.errors';
import { parsePlan } from '../../plans/plan-parser';
import { type PlanDocument } from '../../plans/plan.types';
import { PlanStoreError, PlanStoreErrorCode } from '../plan-store.errors';
import { PlanVersionRepository } from '../plan-version.repository';

/**
 * Parses a plan as the CLI does (schema + references, line-numbered problems). A plan to store must name
 * the caller's organisation; a dry run may preview any plan.
 */
export function parsePlanForOrg(orgId: string, yaml: string, options = { requireOwnOrg: true }): PlanDocument {
  let plan: PlanDocument;
  try {
    plan = parsePlan(yaml, 'plan.yaml');
  } catch (error) {
    if (error instanceof PlanValidationError) {
      throw new PlanStoreError(
        PlanStoreErrorCode.InvalidPlan,
        `${error.issues.length} problem(s) in plan`,
        error.issues,
      );
    }
    throw error;
  }
  if (options.requireOwnOrg && plan.org !== orgId) {
    throw new PlanStoreError(PlanStoreErrorCode.OrgMismatch, `the plan names org "${plan.org}"; set org to yours`);
  }
  return plan;
}

export class SubmitPlanVersion {
  constructor(private readonly dataSource: DataSource) {}

  async execute(orgId: string, yaml: string): Promise<PlanDocument> {
    const plan = parsePlanForOrg(orgId, yaml);
    const stored = await this.dataSource.transaction((manager) =>
      new PlanVersionRepository(manager).insertIfNewer(orgId, plan, yaml),
    );
    if (!stored) {
      throw new PlanStoreError(
        PlanStoreErrorCode.VersionNotNewer,
        `plan ${plan.id} already has version ${plan.version} or a newer one; bump version`,
      );
    }
    return plan;
  }
}
