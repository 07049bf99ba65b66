import {
  blockingKeys,
  type FellegiSunterModel,
  type LinkConfig,
  matchCandidate,
  type PersonRecord,
  prepareRecord,
} from '../matching';
import { type EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { type ScoredCandidate } from './plan-link';

/**
 * The incremental Fellegi-Sunter step: the registry's records sharing a blocking key with `person`, each
 * scored against it with the given model, together with the enterprise patient each belongs to.
 */
export async function scoreAgainstRegistry(
  registry: EmpiRegistryRepository,
  person: PersonRecord,
  model: FellegiSunterModel,
  config: LinkConfig,
  excludeRecordId?: string,
): Promise<ScoredCandidate[]> {
  const keys = blockingKeys(prepareRecord(person, 0));
  const records = await registry.candidates(keys, config.maxBlockSize, excludeRecordId);
  const byId = new Map(records.map((r) => [r.id, r]));
  const scored = matchCandidate(
    person,
    records.map((r) => ({ ...r.person, id: r.id })),
    model,
    config.thresholds,
  );
  return scored.map((pair) => {
    const candidate = byId.get(pair.rightId)!;
    return {
      enterpriseId: candidate.enterpriseId,
      pair,
      bothDated: Boolean(person.birthDate && candidate.person.birthDate),
    };
  });
}
