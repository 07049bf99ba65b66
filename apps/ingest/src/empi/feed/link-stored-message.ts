import { type AnyEventEnvelope, newEvent, validateEvent } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { type MergeData, type NormalisedEvent } from '../../normalise/normalised-event';
import { EmpiError } from '../empi.errors';
import { type LinkSourcePatient } from '../linking/link-source-patient';
import { mergeEnterprisePatientsIn } from '../linking/merge-enterprise-patients';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { type EmitContext, INGEST_EVENT_SOURCE, patientLinked } from '../registry/patient-events';
import { sourceRecordKey } from '../registry/source-record-key';
import { toCatalogueEvent } from './clinical-catalogue-mapper';

/** What became of one stored message's normalised events; codes and counts only, kept on the message row. */
export interface MessageLinkOutcome {
  readonly published: number;
  /** Per normalised event that produced no catalogue event: its position, type and a code. */
  readonly held: { index: number; type: string; reason: string }[];
}

/**
 * Runs one accepted message through the EMPI, in the caller's transaction: each event's patient is linked
 * (registrations and updates refresh the source record, other facts only look it up or register it), and
 * the catalogue events (patient ones from the EMPI, clinical ones keyed by the enterprise id) are enqueued
 * in the outbox. Source-side merges (ADT A40/A47) move the retired record to the survivor.
 */
export async function linkStoredMessageIn(
  manager: EntityManager,
  events: readonly NormalisedEvent[],
  deps: {
    linker: LinkSourcePatient;
    enqueue: (manager: EntityManager, envelopes: AnyEventEnvelope[]) => Promise<void>;
  },
  ctx: EmitContext,
): Promise<MessageLinkOutcome> {
  const out: AnyEventEnvelope[] = [];
  const held: MessageLinkOutcome['held'] = [];
  for (const [index, event] of events.entries()) {
    const hold = (reason: string): void => void held.push({ index, type: event.type, reason });
    try {
      const upsert = event.type.startsWith('revisit.source.');
      const linked = await deps.linker.run(
        manager,
        { sourceSystem: event.source.system, patient: event.patient, mode: upsert ? 'upsert' : 'reference' },
        ctx,
      );
      out.push(...linked.events);
      if (event.type === 'revisit.source.patients-merged.v1') {
        out.push(
          ...(await applySourceMerge(
            manager,
            event as NormalisedEvent<'revisit.source.patients-merged.v1'>,
            linked.enterpriseId,
            ctx,
          )),
        );
        continue;
      }
      if (event.type.startsWith('revisit.source.')) continue;
      const mapped = toCatalogueEvent(event, {
        orgId: ctx.orgId,
        enterpriseId: linked.enterpriseId,
        key: linked.key,
        receivedAt: ctx.now.toISOString(),
      });
      if (!mapped.ok) {
        hold(mapped.reason);
        continue;
      }
      const envelope = newEvent(mapped.type, {
        source: INGEST_EVENT_SOURCE,
        orgid: ctx.orgId,
        subject: linked.enterpriseId,
        data: mapped.data,
        time: ctx.now,
      }) as AnyEventEnvelope;
      const valid = validateEvent(envelope);
      if (!valid.ok) {
        hold(`invalid:${valid.errors.map((e) => e.path).join(',')}`.slice(0, 500));
        continue;
      }
      out.push(envelope);
    } catch (error) {
      if (!(error instanceof EmpiError)) throw error;
      hold(error.code);
    }
  }
  await deps.enqueue(manager, out);
  return { published: out.length, held };
}

/**
 * The source says its retired record is the surviving one's person. When the retired record is the only one
 * of its enterprise patient, the two enterprise patients merge; otherwise just that record moves.
 */
async function applySourceMerge(
  manager: EntityManager,
  event: NormalisedEvent<'revisit.source.patients-merged.v1'>,
  survivingEnterpriseId: string,
  ctx: EmitContext,
): Promise<AnyEventEnvelope[]> {
  const data: MergeData = event.data;
  if (data.retired.length === 0) return [];
  const registry = new EmpiRegistryRepository(manager);
  const key = sourceRecordKey(event.source.system, { ...event.patient, identifiers: data.retired });
  const retired = await registry.findSourceRecord(key.sourceSystem, key.localId);
  if (!retired || retired.enterpriseId === survivingEnterpriseId) return [];
  const companions = (await registry.sourceRecordsOf(retired.enterpriseId)).filter((r) => r.id !== retired.id);
  if (companions.length === 0) {
    const merged = await mergeEnterprisePatientsIn(
      manager,
      { survivingEnterpriseId, retiredEnterpriseId: retired.enterpriseId, method: 'AUTO', reason: 'source-merge' },
      ctx,
    );
    return merged.events;
  }
  await registry.assign(retired.id, survivingEnterpriseId, { method: 'AUTO', reason: 'source-merge' });
  await registry.audit({
    actor: 'empi',
    action: 'source-merge',
    enterpriseId: survivingEnterpriseId,
    sourceRecordId: retired.id,
    detail: { previousEnterpriseId: retired.enterpriseId },
  });
  return [patientLinked(survivingEnterpriseId, key, { method: 'AUTO' }, ctx)];
}
