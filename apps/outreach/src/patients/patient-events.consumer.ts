import { Inject, Injectable } from '@nestjs/common';
import {
  type Demographics,
  type EventEnvelope as DomainEventEnvelope,
  type EventType,
  type SourceRecord,
} from '@revisit/domain';
import { EventHandler, type HandlerContext, Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { applyPreferenceFlag } from '../contact/apply-preference-flag';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { moveSourceRecords } from './patient-identity.consumer';

export const PATIENT_EVENT_SUBSCRIPTIONS = [
  'revisit.patient.registered.v1',
  'revisit.patient.updated.v1',
] as const satisfies readonly EventType[];

/**
 * Keeps outreach's read model of EMPI patients (names, identifiers, phones) for the 360 view and for SMS;
 * a patient reported deceased by a source system stops all outreach at once.
 */
@Injectable()
export class PatientEventsConsumer {
  constructor(@Inject(Outbox) private readonly outbox: Outbox) {}

  @EventHandler('revisit.patient.registered.v1')
  async onRegistered(event: DomainEventEnvelope<'revisit.patient.registered.v1'>, { manager }: HandlerContext) {
    await this.store(manager, event.orgid, event.data.enterpriseId, event.data.demographics, new Date(event.time));
    await this.link(manager, event.orgid, event.data.enterpriseId, event.data.source);
  }

  @EventHandler('revisit.patient.updated.v1')
  async onUpdated(event: DomainEventEnvelope<'revisit.patient.updated.v1'>, { manager }: HandlerContext) {
    await this.store(manager, event.orgid, event.data.enterpriseId, event.data.demographics, new Date(event.time));
    await this.link(manager, event.orgid, event.data.enterpriseId, event.data.source);
  }

  /** The record that registered or updated the patient is one of theirs (a later link or merge may move it). */
  private async link(manager: EntityManager, orgId: string, patientId: string, source: SourceRecord) {
    await moveSourceRecords(manager, orgId, patientId, [source], 'MATCH', { onlyIfNew: true });
  }

  private async store(manager: EntityManager, orgId: string, patientId: string, demographics: Demographics, at: Date) {
    const previous: { deceased: boolean | null }[] = await manager.query(
      `SELECT (demographics->>'deceased')::boolean AS deceased FROM "${OUTREACH_SCHEMA}".patient
        WHERE org_id = $1 AND patient_id = $2 FOR UPDATE`,
      [orgId, patientId],
    );
    await manager.query(
      `INSERT INTO "${OUTREACH_SCHEMA}".patient (org_id, patient_id, demographics) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (org_id, patient_id) DO UPDATE SET demographics = EXCLUDED.demographics, updated_at = now()`,
      [orgId, patientId, JSON.stringify(demographics)],
    );
    if (demographics.deceased && previous[0]?.deceased !== true) {
      await applyPreferenceFlag(manager, this.outbox, orgId, patientId, 'deceased', {
        changedBy: 'system',
        staffId: undefined,
        at,
      });
    }
  }
}
