import {
  type AnyEventEnvelope,
  type EventPayload,
  type EventType,
  formatOffsetDateTime,
  newEvent,
} from '@revisit/domain';
import { type SourceRecordKey } from './source-record-key';
import { type Demographics, type DemographicField } from './catalogue-demographics';

export const INGEST_EVENT_SOURCE = 'revisit/ingest';

/** Who the events are for (tenant) and when they happened. */
export interface EmitContext {
  readonly orgId: string;
  readonly now: Date;
}

const sourceOf = (key: SourceRecordKey) => ({ system: key.sourceSystem, localId: key.localId });

function event<T extends EventType>(
  type: T,
  subject: string,
  data: EventPayload<T>,
  ctx: EmitContext,
): AnyEventEnvelope {
  return newEvent(type, {
    source: INGEST_EVENT_SOURCE,
    orgid: ctx.orgId,
    subject,
    data,
    time: ctx.now,
  }) as AnyEventEnvelope;
}

export function patientRegistered(
  enterpriseId: string,
  key: SourceRecordKey,
  demographics: Demographics,
  ctx: EmitContext,
): AnyEventEnvelope {
  return event(
    'revisit.patient.registered.v1',
    enterpriseId,
    { enterpriseId, source: sourceOf(key), demographics, registeredAt: formatOffsetDateTime(ctx.now) },
    ctx,
  );
}

export function patientUpdated(
  enterpriseId: string,
  key: SourceRecordKey,
  demographics: Demographics,
  changed: readonly DemographicField[],
  ctx: EmitContext,
): AnyEventEnvelope {
  return event(
    'revisit.patient.updated.v1',
    enterpriseId,
    {
      enterpriseId,
      source: sourceOf(key),
      demographics,
      changedFields: [...changed],
      updatedAt: formatOffsetDateTime(ctx.now),
    },
    ctx,
  );
}

export function patientLinked(
  enterpriseId: string,
  key: SourceRecordKey,
  link: { method: 'AUTO' | 'MANUAL'; score?: number; staffId?: string },
  ctx: EmitContext,
): AnyEventEnvelope {
  return event(
    'revisit.patient.linked.v1',
    enterpriseId,
    {
      enterpriseId,
      source: sourceOf(key),
      matchState: 'MATCH',
      method: link.method,
      ...(link.score === undefined ? {} : { score: Math.min(1, Math.max(0, link.score)) }),
      ...(link.staffId ? { linkedByStaffId: link.staffId } : {}),
      linkedAt: formatOffsetDateTime(ctx.now),
    },
    ctx,
  );
}

export function patientMerged(
  surviving: string,
  retired: string,
  moved: readonly SourceRecordKey[],
  merge: { method: 'AUTO' | 'MANUAL'; staffId?: string },
  ctx: EmitContext,
): AnyEventEnvelope {
  return event(
    'revisit.patient.merged.v1',
    surviving,
    {
      survivingEnterpriseId: surviving,
      retiredEnterpriseId: retired,
      movedSourceRecords: moved.map(sourceOf),
      method: merge.method,
      ...(merge.staffId ? { mergedByStaffId: merge.staffId } : {}),
      mergedAt: formatOffsetDateTime(ctx.now),
    },
    ctx,
  );
}

export function patientUnmerged(
  surviving: string,
  restored: string,
  moved: readonly SourceRecordKey[],
  unmerge: { staffId: string; reasonCode?: string },
  ctx: EmitContext,
): AnyEventEnvelope {
  return event(
    'revisit.patient.unmerged.v1',
    surviving,
    {
      survivingEnterpriseId: surviving,
      restoredEnterpriseId: restored,
      movedSourceRecords: moved.map(sourceOf),
      ...(unmerge.reasonCode ? { reasonCode: unmerge.reasonCode } : {}),
      unmergedByStaffId: unmerge.staffId,
      unmergedAt: formatOffsetDateTime(ctx.now),
    },
    ctx,
  );
}
