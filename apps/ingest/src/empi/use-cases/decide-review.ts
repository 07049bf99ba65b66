import { type AnyEventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { EmpiError, EmpiErrorCode } from '../empi.errors';
import { mergeEnterprisePatientsIn } from '../linking/merge-enterprise-patients';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { type EmitContext, patientLinked } from '../registry/patient-events';
import { type ReviewItem, ReviewQueueRepository } from '../registry/review-queue.repository';

export interface ReviewDecision {
  readonly reviewId: string;
  readonly decision: 'link' | 'not-link';
  readonly reason: string;
  readonly staffId: string;
}

/**
 * A data steward's decision on a POSSIBLE_MATCH. `link` moves the source record to the candidate (MANUAL,
 * so automatic matching never moves it back); when that empties the record's provisional enterprise
 * patient, the two enterprise ids are merged. `not-link` stores a MANUAL NO_MATCH the matcher honours.
 */
export async function decideReviewIn(
  manager: EntityManager,
  command: ReviewDecision,
  ctx: EmitContext,
): Promise<{ review: ReviewItem; enterpriseId: string; events: AnyEventEnvelope[] }> {
  const registry = new EmpiRegistryRepository(manager);
  const reviews = new ReviewQueueRepository(manager);
  await registry.lockRegistry();
  const review = await reviews.lock(command.reviewId);
  if (!review) throw new EmpiError(EmpiErrorCode.ReviewNotFound, 'Review item not found');
  if (review.status !== 'open') throw new EmpiError(EmpiErrorCode.ReviewAlreadyDecided, 'Review item already decided');
  const record = (await registry.sourceRecord(review.sourceRecordId))!;
  const target = await activeEnterpriseId(registry, review.candidateEnterpriseId);
  const manual = { method: 'MANUAL' as const, decidedBy: command.staffId, reason: command.reason };
  const events: AnyEventEnvelope[] = [];
  let enterpriseId = record.enterpriseId;

  if (command.decision === 'not-link') {
    await registry.upsertLink(record.id, review.candidateEnterpriseId, 'NO_MATCH', manual);
    if (target !== review.candidateEnterpriseId) await registry.upsertLink(record.id, target, 'NO_MATCH', manual);
    await reviews.decide(review.id, 'not-linked', command.staffId, command.reason);
  } else {
    if (record.enterpriseId !== target) {
      const companions = (await registry.sourceRecordsOf(record.enterpriseId)).filter((r) => r.id !== record.id);
      let merged: AnyEventEnvelope[] = [];
      if (companions.length === 0) {
        merged = (
          await mergeEnterprisePatientsIn(
            manager,
            {
              survivingEnterpriseId: target,
              retiredEnterpriseId: record.enterpriseId,
              method: 'MANUAL',
              staffId: command.staffId,
              reason: command.reason,
            },
            ctx,
          )
        ).events;
      }
      await registry.assign(record.id, target, { ...manual, score: review.score });
      events.push(
        patientLinked(target, record, { method: 'MANUAL', score: review.score, staffId: command.staffId }, ctx),
      );
      events.push(...merged);
    } else {
      await registry.assign(record.id, target, { ...manual, score: review.score });
    }
    enterpriseId = target;
    await reviews.decide(review.id, 'linked', command.staffId, command.reason);
    await reviews.obsoleteOpenFor(record.id);
  }
  await registry.audit({
    actor: command.staffId,
    action: command.decision === 'link' ? 'review-link' : 'review-not-link',
    enterpriseId: target,
    sourceRecordId: record.id,
    reason: command.reason,
    detail: { reviewId: review.id, score: review.score },
  });
  return { review: { ...review, status: command.decision === 'link' ? 'linked' : 'not-linked' }, enterpriseId, events };
}

/** A candidate merged away since the review opened stands for the patient it was merged into. */
async function activeEnterpriseId(registry: EmpiRegistryRepository, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 32; hops++) {
    const patient = await registry.enterprisePatient(current);
    if (!patient) throw new EmpiError(EmpiErrorCode.PatientNotFound, 'Enterprise patient not found');
    if (patient.status === 'active' || !patient.mergedInto) return current;
    current = patient.mergedInto;
  }
  throw new EmpiError(EmpiErrorCode.PatientNotActive, 'Merge chain too long');
}
