import { type FellegiSunterModel, linkRecords, readRevisitCsv } from '../matching';
import { generateChinesePopulation, toRevisitCsv } from '@revisit/sample-data';

let cached: FellegiSunterModel | undefined;

/**
 * m/u weights for incremental linking. EM needs no labels, but it needs a population; until a registry
 * is large enough to learn its own, the weights are learnt once per process from the seeded synthetic
 * Chinese population the benchmark uses (same generator, same configuration), so every instance of the
 * service decides identically.
 */
export function bootstrapMatchModel(): FellegiSunterModel {
  cached ??= linkRecords(
    readRevisitCsv(
      toRevisitCsv(generateChinesePopulation({ people: 1500, duplicateRate: 0.3, familyRate: 0.1, seed: 3 }).rows),
      'bootstrap',
    ),
  ).model;
  return cached;
}
