import { generateChinesePopulation, toRevisitCsv } from '@revisit/sample-data';

/**
 * The benchmark's Chinese set: the generator lives in libs/sample-data (shared with the demo's
 * `revisit generate`); this wrapper fixes the bench's parameters.
 */
export function chineseBenchSet(people: number, seed: number): { csv: string; personOf: Map<string, string> } {
  const population = generateChinesePopulation({ people, duplicateRate: 0.3, familyRate: 0.1, seed });
  return { csv: toRevisitCsv(population.rows), personOf: population.personOf };
}
