import { type EntityManager } from 'typeorm';
import { type PlanDocument } from '../plans/plan.types';
import { PlanVersionRepository } from './plan-version.repository';

/**
 * The plans that derive an organisation's tasks: the built-in templates, each replaced by the org's own
 * active version of the same id, plus the org's other active plans.
 */
export function plansInForce(builtins: readonly PlanDocument[]) {
  return async (manager: EntityManager, orgId: string): Promise<readonly PlanDocument[]> => {
    const own = await new PlanVersionRepository(manager).activeDocuments(orgId);
    const ownIds = new Set(own.map((plan) => plan.id));
    return [...builtins.filter((plan) => !ownIds.has(plan.id)), ...own];
  };
}
