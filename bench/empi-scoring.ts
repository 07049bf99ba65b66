import { LinkDecision, type ScoredPair } from '../apps/ingest/src/empi/matching';

export interface PairScores {
  readonly truePairs: number;
  readonly predicted: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Pairwise precision, recall and F1 of the `match` decisions against the truth, given as an entity key
 * per record id (used only here, never by the matcher).
 */
export function scoreMatches(
  links: readonly ScoredPair[],
  entityOf: ReadonlyMap<string, string>,
  crossSourceOnly?: { readonly leftIds: ReadonlySet<string> },
): PairScores {
  const members = new Map<string, string[]>();
  for (const [id, entity] of entityOf) {
    const list = members.get(entity);
    if (list) list.push(id);
    else members.set(entity, [id]);
  }
  let truePairs = 0;
  for (const ids of members.values()) {
    if (crossSourceOnly) {
      const left = ids.filter((id) => crossSourceOnly.leftIds.has(id)).length;
      truePairs += left * (ids.length - left);
    } else {
      truePairs += (ids.length * (ids.length - 1)) / 2;
    }
  }
  const seen = new Set<string>();
  let predicted = 0;
  let truePositives = 0;
  for (const link of links) {
    if (link.decision !== LinkDecision.Match) continue;
    const key = pairKey(link.leftId, link.rightId);
    if (seen.has(key)) continue;
    seen.add(key);
    predicted++;
    const a = entityOf.get(link.leftId);
    if (a !== undefined && a === entityOf.get(link.rightId)) truePositives++;
  }
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = truePairs === 0 ? 0 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predicted, truePositives, precision, recall, f1 };
}

/** FEBRL truth: `rec-<N>-org` and `rec-<N>-dup-<k>` are the same person (see test/fixtures/febrl/README.md). */
export function febrlEntities(ids: readonly string[]): Map<string, string> {
  const entities = new Map<string, string>();
  for (const id of ids) {
    const entity = /^rec-(\d+)-/.exec(id)?.[1];
    if (entity !== undefined) entities.set(id, entity);
  }
  return entities;
}
