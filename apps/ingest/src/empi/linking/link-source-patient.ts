import { type AnyEventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type PatientSnapshot } from '../../normalise/normalised-event';
import {
  blockingKeys,
  DEFAULT_LINK_CONFIG,
  type FellegiSunterModel,
  type LinkConfig,
  prepareRecord,
} from '../matching';
import { catalogueDemographics, changedFields } from '../registry/catalogue-demographics';
import { EmpiRegistryRepository, type StoredSourceRecord } from '../registry/empi-registry.repository';
import { type EmitContext, patientLinked, patientRegistered, patientUpdated } from '../registry/patient-events';
import { personRecordFromSnapshot } from '../registry/person-record-from-snapshot';
import { ReviewQueueRepository } from '../registry/review-queue.repository';
import { identifierSystem, type SourceRecordKey, sourceRecordKey } from '../registry/source-record-key';
import { mergeEnterprisePatientsIn } from './merge-enterprise-patients';
import { type LinkPlan, planLink } from './plan-link';
import { scoreAgainstRegistry } from './score-candidates';

export interface LinkSourcePatientInput {
  readonly sourceSystem: string;
  readonly patient: PatientSnapshot;
  /**
   * `upsert`: a registration or update from the source refreshes the stored demographics and re-matches.
   * `reference`: a clinical fact only needs the enterprise id; an unknown patient is registered from it.
   */
  readonly mode: 'upsert' | 'reference';
}

export type LinkOutcome = 'registered' | 'linked' | 'registered-for-review' | 'updated' | 'relinked' | 'unchanged';

export interface LinkSourcePatientResult {
  readonly enterpriseId: string;
  readonly key: SourceRecordKey;
  readonly sourceRecordId: string;
  readonly outcome: LinkOutcome;
  readonly events: AnyEventEnvelope[];
}

const EMPI_ACTOR = 'empi';

/**
 * Links one incoming source patient: strong identifiers decide first, then the Fellegi-Sunter posterior
 * over blocking candidates from PostgreSQL (see `planLink`). Every change is audited and described by
 * catalogue events, which the caller enqueues in the same transaction. A MANUAL link is never moved and a
 * MANUAL NO_MATCH is never proposed again by this automatic path.
 */
export class LinkSourcePatient {
  constructor(
    private readonly model: () => FellegiSunterModel,
    private readonly config: LinkConfig = DEFAULT_LINK_CONFIG,
  ) {}

  async run(manager: EntityManager, input: LinkSourcePatientInput, ctx: EmitContext): Promise<LinkSourcePatientResult> {
    const registry = new EmpiRegistryRepository(manager);
    await registry.lockRegistry();
    const key = sourceRecordKey(input.sourceSystem, input.patient);
    const existing = await registry.findSourceRecord(key.sourceSystem, key.localId);
    if (!existing) return this.register(manager, registry, key, input, ctx);
    if (input.mode === 'reference') {
      return {
        enterpriseId: existing.enterpriseId,
        key,
        sourceRecordId: existing.id,
        outcome: 'unchanged',
        events: [],
      };
    }
    return this.update(manager, registry, existing, input, ctx);
  }

  private async register(
    manager: EntityManager,
    registry: EmpiRegistryRepository,
    key: SourceRecordKey,
    input: LinkSourcePatientInput,
    ctx: EmitContext,
  ): Promise<LinkSourcePatientResult> {
    const id = uuidv7();
    const person = personRecordFromSnapshot(id, input.patient);
    const plan = planLink(await scoreAgainstRegistry(registry, person, this.model(), this.config), new Set());
    const demographics = catalogueDemographics(input.sourceSystem, input.patient);
    const enterpriseId = plan.kind === 'match' ? plan.enterpriseId : await registry.newEnterprisePatient();
    await registry.insertSourceRecord({ id, ...key, enterpriseId, snapshot: input.patient, person });
    await this.index(registry, id, input);
    await registry.assign(id, enterpriseId, {
      method: 'AUTO',
      ...(plan.kind === 'match' ? { score: plan.score, reason: plan.reason ?? 'fellegi-sunter' } : {}),
    });
    const base = { enterpriseId, key, sourceRecordId: id };
    if (plan.kind === 'match') {
      await registry.audit({
        actor: EMPI_ACTOR,
        action: 'auto-link',
        enterpriseId,
        sourceRecordId: id,
        detail: detailOf(plan),
      });
      return {
        ...base,
        outcome: 'linked',
        events: [patientLinked(enterpriseId, key, { method: 'AUTO', score: plan.score }, ctx)],
      };
    }
    await registry.audit({
      actor: EMPI_ACTOR,
      action: 'register',
      enterpriseId,
      sourceRecordId: id,
      detail: detailOf(plan),
    });
    const events = demographics.names.length > 0 ? [patientRegistered(enterpriseId, key, demographics, ctx)] : [];
    if (plan.kind === 'possible') {
      await this.openReview(manager, registry, id, plan);
      return { ...base, outcome: 'registered-for-review', events };
    }
    return { ...base, outcome: 'registered', events };
  }

  private async update(
    manager: EntityManager,
    registry: EmpiRegistryRepository,
    existing: StoredSourceRecord,
    input: LinkSourcePatientInput,
    ctx: EmitContext,
  ): Promise<LinkSourcePatientResult> {
    const key = { sourceSystem: existing.sourceSystem, localId: existing.localId };
    const person = personRecordFromSnapshot(existing.id, input.patient);
    await registry.updateSourceRecord(existing.id, input.patient, person);
    await this.index(registry, existing.id, input);
    const before = catalogueDemographics(existing.sourceSystem, existing.snapshot);
    const after = catalogueDemographics(existing.sourceSystem, input.patient);
    const changed = changedFields(before, after);
    const events: AnyEventEnvelope[] = [];
    let enterpriseId = existing.enterpriseId;
    let outcome: LinkOutcome = 'unchanged';
    if (changed.length > 0 && after.names.length > 0) {
      events.push(patientUpdated(enterpriseId, key, after, changed, ctx));
      outcome = 'updated';
    }
    if (changed.length > 0) {
      await registry.audit({
        actor: EMPI_ACTOR,
        action: 'update',
        enterpriseId,
        sourceRecordId: existing.id,
        detail: { changedFields: changed },
      });
    }

    const links = await registry.pairLinks(existing.id);
    const current = links.find((l) => l.state === 'MATCH');
    if (current?.method === 'MANUAL') return { enterpriseId, key, sourceRecordId: existing.id, outcome, events };
    const excluded = new Set([enterpriseId, ...links.filter((l) => l.state === 'NO_MATCH').map((l) => l.enterpriseId)]);
    const scored = await scoreAgainstRegistry(registry, person, this.model(), this.config, existing.id);
    const plan = planLink(scored, excluded);
    if (plan.kind === 'possible') await this.openReview(manager, registry, existing.id, plan);
    if (plan.kind === 'match') {
      const companions = (await registry.sourceRecordsOf(enterpriseId)).filter((r) => r.id !== existing.id);
      if (companions.length === 0) {
        // The record was its enterprise patient's only one: the two enterprise ids were one person all along.
        const merged = await mergeEnterprisePatientsIn(
          manager,
          {
            survivingEnterpriseId: plan.enterpriseId,
            retiredEnterpriseId: enterpriseId,
            method: 'AUTO',
            reason: plan.reason,
          },
          ctx,
        );
        events.push(...merged.events);
      } else {
        await registry.assign(existing.id, plan.enterpriseId, {
          method: 'AUTO',
          score: plan.score,
          reason: plan.reason,
        });
        await registry.audit({
          actor: EMPI_ACTOR,
          action: 'auto-relink',
          enterpriseId: plan.enterpriseId,
          sourceRecordId: existing.id,
          detail: { ...detailOf(plan), previousEnterpriseId: enterpriseId },
        });
        events.push(patientLinked(plan.enterpriseId, key, { method: 'AUTO', score: plan.score }, ctx));
      }
      enterpriseId = plan.enterpriseId;
      outcome = 'relinked';
    }
    return { enterpriseId, key, sourceRecordId: existing.id, outcome, events };
  }

  private async index(registry: EmpiRegistryRepository, id: string, input: LinkSourcePatientInput): Promise<void> {
    await registry.replaceIdentifiers(
      id,
      input.patient.identifiers.map((i) => ({
        system: identifierSystem(i, input.sourceSystem),
        value: i.value.trim(),
        type: i.type,
      })),
    );
    await registry.replaceBlockingKeys(id, blockingKeys(prepareRecord(personRecordFromSnapshot(id, input.patient), 0)));
  }

  private async openReview(
    manager: EntityManager,
    registry: EmpiRegistryRepository,
    sourceRecordId: string,
    plan: Extract<LinkPlan, { kind: 'possible' }>,
  ): Promise<void> {
    await registry.upsertLink(sourceRecordId, plan.enterpriseId, 'POSSIBLE_MATCH', {
      method: 'AUTO',
      score: plan.score,
    });
    const reviewId = await new ReviewQueueRepository(manager).open(sourceRecordId, plan.enterpriseId, plan.score);
    if (reviewId) {
      await registry.audit({
        actor: EMPI_ACTOR,
        action: 'review-opened',
        enterpriseId: plan.enterpriseId,
        sourceRecordId,
        detail: { reviewId, score: plan.score },
      });
    }
  }
}

function detailOf(plan: LinkPlan): Record<string, unknown> {
  return plan.kind === 'none'
    ? { decision: 'NO_MATCH' }
    : {
        decision: plan.kind === 'match' ? 'MATCH' : 'POSSIBLE_MATCH',
        candidate: plan.enterpriseId,
        score: plan.score,
        ...(plan.kind === 'match' && plan.reason ? { rule: plan.reason } : {}),
      };
}
