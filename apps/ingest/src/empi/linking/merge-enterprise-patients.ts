import { type AnyEventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { EmpiError, EmpiErrorCode } from '../empi.errors';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { type MergeRecord, MergeHistoryRepository } from '../registry/merge-history.repository';
import { type EmitContext, patientMerged, patientUnmerged } from '../registry/patient-events';
import { ReviewQueueRepository } from '../registry/review-queue.repository';

/**
 * Every organisation whose sources feed this EMPI (the service's ORG_ID for sources without one). The enterprise
 * id is shared across a hospital group's organisations, and each organisation's downstream data is keyed by
 * (organisation, enterprise id): a merge or unmerge is announced to each of them, which re-keys what it holds
 * and ignores ids it never saw.
 */
async function organisationsServed(manager: EntityManager, serviceOrg: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT org_id FROM "${INGEST_SCHEMA}".feed_source WHERE org_id IS NOT NULL`,
  )) as { org_id: string }[];
  return [...new Set([serviceOrg, ...rows.map((row) => row.org_id)])].sort();
}

export interface MergeCommand {
  readonly survivingEnterpriseId: string;
  readonly retiredEnterpriseId: string;
  readonly method: 'AUTO' | 'MANUAL';
  /** The data steward for a manual merge; the EMPI itself for an automatic one. */
  readonly staffId?: string;
  readonly reason?: string;
}

/**
 * Moves every source record of the retired enterprise patient to the surviving one and retires it. A
 * manual merge makes the moved links MANUAL, so automatic re-matching never splits them again.
 */
export async function mergeEnterprisePatientsIn(
  manager: EntityManager,
  command: MergeCommand,
  ctx: EmitContext,
): Promise<{ merge: MergeRecord; events: AnyEventEnvelope[] }> {
  const registry = new EmpiRegistryRepository(manager);
  if (command.survivingEnterpriseId === command.retiredEnterpriseId) {
    throw new EmpiError(EmpiErrorCode.MergeSamePatient, 'Surviving and retired enterprise ids are the same');
  }
  for (const id of [command.survivingEnterpriseId, command.retiredEnterpriseId]) {
    const patient = await registry.enterprisePatient(id);
    if (!patient) throw new EmpiError(EmpiErrorCode.PatientNotFound, 'Enterprise patient not found');
    if (patient.status !== 'active')
      throw new EmpiError(EmpiErrorCode.PatientNotActive, 'Enterprise patient was merged');
  }
  const moved = await registry.sourceRecordsOf(command.retiredEnterpriseId);
  if (moved.length === 0) throw new EmpiError(EmpiErrorCode.PatientNotActive, 'Enterprise patient has no records');
  const actor = command.staffId ?? 'empi';
  const reviews = new ReviewQueueRepository(manager);
  for (const record of moved) {
    await registry.assign(record.id, command.survivingEnterpriseId, {
      method: command.method,
      ...(command.method === 'MANUAL' ? { decidedBy: actor } : {}),
      reason: 'merge',
    });
    await reviews.obsoleteOpenFor(record.id);
  }
  await registry.setMerged(command.retiredEnterpriseId, command.survivingEnterpriseId);
  const merge = await new MergeHistoryRepository(manager).record({
    survivingEnterpriseId: command.survivingEnterpriseId,
    retiredEnterpriseId: command.retiredEnterpriseId,
    movedSourceRecordIds: moved.map((r) => r.id),
    method: command.method,
    mergedBy: command.staffId ?? null,
    reason: command.reason ?? null,
  });
  await registry.audit({
    actor,
    action: 'merge',
    enterpriseId: command.survivingEnterpriseId,
    reason: command.reason,
    detail: {
      mergeId: merge.id,
      retiredEnterpriseId: command.retiredEnterpriseId,
      method: command.method,
      moved: moved.length,
    },
  });
  const events = (await organisationsServed(manager, ctx.orgId)).map((orgId) =>
    patientMerged(
      command.survivingEnterpriseId,
      command.retiredEnterpriseId,
      moved,
      { method: command.method, ...(command.staffId ? { staffId: command.staffId } : {}) },
      { ...ctx, orgId },
    ),
  );
  return { merge, events };
}

export interface UnmergeCommand {
  readonly mergeId: string;
  readonly staffId: string;
  readonly reason: string;
  readonly reasonCode?: string;
}

/**
 * Undoes a merge: the records it moved go back to the restored enterprise patient, with a MANUAL link there
 * and a MANUAL NO_MATCH to the surviving one, so automatic matching cannot merge them again.
 */
export async function unmergeEnterprisePatientsIn(
  manager: EntityManager,
  command: UnmergeCommand,
  ctx: EmitContext,
): Promise<{ merge: MergeRecord; events: AnyEventEnvelope[] }> {
  const registry = new EmpiRegistryRepository(manager);
  const history = new MergeHistoryRepository(manager);
  const merge = await history.lock(command.mergeId);
  if (!merge) throw new EmpiError(EmpiErrorCode.MergeNotFound, 'Merge not found');
  if (merge.unmergedAt) throw new EmpiError(EmpiErrorCode.AlreadyUnmerged, 'Merge already undone');
  const retired = await registry.enterprisePatient(merge.retiredEnterpriseId);
  if (retired?.status !== 'merged' || retired.mergedInto !== merge.survivingEnterpriseId) {
    throw new EmpiError(EmpiErrorCode.UnmergeConflict, 'The retired patient is no longer merged into the survivor');
  }
  const stillThere = (await registry.sourceRecordsByIds(merge.movedSourceRecordIds)).filter(
    (r) => r.enterpriseId === merge.survivingEnterpriseId,
  );
  if (stillThere.length === 0) {
    throw new EmpiError(EmpiErrorCode.UnmergeConflict, 'None of the merged records is still with the survivor');
  }
  await registry.setActive(merge.retiredEnterpriseId);
  for (const record of stillThere) {
    await registry.assign(record.id, merge.retiredEnterpriseId, {
      method: 'MANUAL',
      decidedBy: command.staffId,
      reason: 'unmerge',
    });
    await registry.upsertLink(record.id, merge.survivingEnterpriseId, 'NO_MATCH', {
      method: 'MANUAL',
      decidedBy: command.staffId,
      reason: 'unmerge',
    });
  }
  await history.markUnmerged(merge.id, command.staffId, command.reason);
  await registry.audit({
    actor: command.staffId,
    action: 'unmerge',
    enterpriseId: merge.survivingEnterpriseId,
    reason: command.reason,
    detail: { mergeId: merge.id, restoredEnterpriseId: merge.retiredEnterpriseId, moved: stillThere.length },
  });
  const events = (await organisationsServed(manager, ctx.orgId)).map((orgId) =>
    patientUnmerged(
      merge.survivingEnterpriseId,
      merge.retiredEnterpriseId,
      stillThere,
      { staffId: command.staffId, ...(command.reasonCode ? { reasonCode: command.reasonCode } : {}) },
      { ...ctx, orgId },
    ),
  );
  return { merge, events };
}
