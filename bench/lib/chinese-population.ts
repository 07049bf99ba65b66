import { generateChinesePopulation } from '../../apps/ingest/src/empi/matching/synthetic/chinese-population';
import { toRevisitCsv } from '../../apps/ingest/src/empi/matching/synthetic/chinese-population-csv';

/**
 * The benchmark's Chinese set: the generator lives with the matcher (apps/ingest/src/empi/matching/
 * synthetic) so that the demo can reuse it; this wrapper fixes the bench's parameters.
 */
export function chineseBenchSet(people: number, seed: number): { csv: string; personOf: Map<string, string> } {
  const population = generateChinesePopulation({ people, duplicateRate: 0.3, familyRate: 0.1, seed });
  return { csv: toRevisitCsv(population.rows), personOf: population.personOf };
}
