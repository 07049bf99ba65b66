import { type EntityManager } from 'typeorm';
import {
  DeterministicReason,
  type FellegiSunterModel,
  type LinkConfig,
  LinkDecision,
  type PersonRecord,
} from '../matching';
import { scoreAgainstRegistry } from '../linking/score-candidates';
import { EmpiRegistryRepository, type StoredSourceRecord } from '../registry/empi-registry.repository';

/** FHIR match-grade codes (http://terminology.hl7.org/CodeSystem/match-grade), plus `weak` for search hits. */
export type MatchGrade = 'certain' | 'probable' | 'possible' | 'certainly-not' | 'weak';

export interface RankedPatient {
  readonly enterpriseId: string;
  readonly score: number;
  readonly grade: MatchGrade;
  readonly records: readonly StoredSourceRecord[];
}

/**
 * Enterprise patients that share a blocking key with a probe, best first, graded: a strong identifier
 * rule makes it `certain` (or `certainly-not` for a different valid ID card), the Fellegi-Sunter
 * decision `probable` (MATCH) or `possible` (POSSIBLE_MATCH), anything else `weak`.
 */
export async function rankEnterprisePatients(
  manager: EntityManager,
  probe: PersonRecord,
  model: FellegiSunterModel,
  config: LinkConfig,
  limit: number,
): Promise<RankedPatient[]> {
  const registry = new EmpiRegistryRepository(manager);
  const scored = await scoreAgainstRegistry(registry, probe, model, config);
  const best = new Map<string, { score: number; grade: MatchGrade }>();
  for (const { enterpriseId, pair } of scored) {
    const grade = gradeOf(pair.decision, pair.reason);
    const known = best.get(enterpriseId);
    if (known?.grade === 'certainly-not') continue;
    if (
      grade === 'certainly-not' ||
      !known ||
      order(grade) > order(known.grade) ||
      (grade === known.grade && pair.score > known.score)
    ) {
      best.set(enterpriseId, { score: pair.score, grade });
    }
  }
  const ranked = [...best.entries()]
    .sort(([, a], [, b]) => order(b.grade) - order(a.grade) || b.score - a.score)
    .slice(0, limit);
  return Promise.all(
    ranked.map(async ([enterpriseId, hit]) => ({
      enterpriseId,
      ...hit,
      records: await registry.sourceRecordsOf(enterpriseId),
    })),
  );
}

function gradeOf(decision: LinkDecision, reason: DeterministicReason | undefined): MatchGrade {
  if (reason === DeterministicReason.DifferentResidentIdCards) return 'certainly-not';
  if (reason) return 'certain';
  switch (decision) {
    case LinkDecision.Match:
      return 'probable';
    case LinkDecision.PossibleMatch:
      return 'possible';
    case LinkDecision.NoMatch:
      return 'weak';
  }
}

function order(grade: MatchGrade): number {
  return { certain: 4, probable: 3, possible: 2, weak: 1, 'certainly-not': 0 }[grade];
}
