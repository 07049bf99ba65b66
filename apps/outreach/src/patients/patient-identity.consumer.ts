import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope as DomainEventEnvelope, type EventType, type SourceRecord } from '@revisit/domain';
import { EventHandler, type HandlerContext, Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { publishPreferences } from '../contact/apply-preference-flag';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const S = `"${OUTREACH_SCHEMA}"`;

export const PATIENT_IDENTITY_SUBSCRIPTIONS = [
  'revisit.patient.linked.v1',
  'revisit.patient.merged.v1',
  'revisit.patient.unmerged.v1',
] as const satisfies readonly EventType[];

/**
 * Points source records at the enterprise id the EMPI says they belong to. With `onlyIfNew` an existing link
 * is kept: a registration replayed after a merge must not pull a moved record back.
 */
export async function moveSourceRecords(
  manager: EntityManager,
  orgId: string,
  patientId: string,
  records: readonly SourceRecord[],
  matchState: string,
  { onlyIfNew = false }: { onlyIfNew?: boolean } = {},
): Promise<void> {
  await manager.query(
    `INSERT INTO ${S}.patient_source_record (org_id, system, local_id, patient_id, match_state)
     SELECT $1, r.system, r."localId", $2, $3 FROM jsonb_to_recordset($4::jsonb) AS r(system text, "localId" text)
     ON CONFLICT (org_id, system, local_id) DO ${onlyIfNew ? 'NOTHING' : 'UPDATE SET patient_id = EXCLUDED.patient_id, match_state = EXCLUDED.match_state, updated_at = now()'}`,
    [orgId, patientId, matchState, JSON.stringify(records)],
  );
}

/**
 * EMPI links, merges and unmerges in outreach's read model. A merge records which id folded into which
 * (reads of the survivor then see the retired id's tasks, attempts and preferences); an unmerge removes that
 * record, which splits everything back. Preferences that change for the person are published again so the
 * scheduler plans with what holds now.
 */
@Injectable()
export class PatientIdentityConsumer {
  constructor(@Inject(Outbox) private readonly outbox: Outbox) {}

  @EventHandler('revisit.patient.linked.v1')
  async onLinked(event: DomainEventEnvelope<'revisit.patient.linked.v1'>, { manager }: HandlerContext) {
    const { enterpriseId, source, matchState } = event.data;
    await moveSourceRecords(manager, event.orgid, enterpriseId, [source], matchState);
  }

  @EventHandler('revisit.patient.merged.v1')
  async onMerged(event: DomainEventEnvelope<'revisit.patient.merged.v1'>, { manager }: HandlerContext) {
    const { survivingEnterpriseId: surviving, retiredEnterpriseId: retired, movedSourceRecords } = event.data;
    const orgId = event.orgid;
    if (surviving === retired) return;
    await manager.query(
      `INSERT INTO ${S}.patient_merge (org_id, retired_id, surviving_id, merged_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_id, retired_id) DO UPDATE SET surviving_id = EXCLUDED.surviving_id, merged_at = EXCLUDED.merged_at`,
      [orgId, retired, surviving, event.data.mergedAt],
    );
    await manager.query(`UPDATE ${S}.patient SET merged_into = $3 WHERE org_id = $1 AND patient_id = $2`, [
      orgId,
      retired,
      surviving,
    ]);
    await moveSourceRecords(manager, orgId, surviving, movedSourceRecords, 'MATCH');
    if (await this.hasPreferences(manager, orgId, retired)) await this.republish(manager, orgId, [surviving], event);
  }

  @EventHandler('revisit.patient.unmerged.v1')
  async onUnmerged(event: DomainEventEnvelope<'revisit.patient.unmerged.v1'>, { manager }: HandlerContext) {
    const { survivingEnterpriseId: surviving, restoredEnterpriseId: restored, movedSourceRecords } = event.data;
    const orgId = event.orgid;
    const removed: unknown[] = await manager.query(
      `DELETE FROM ${S}.patient_merge WHERE org_id = $1 AND retired_id = $2 AND surviving_id = $3 RETURNING retired_id`,
      [orgId, restored, surviving],
    );
    await manager.query(
      `UPDATE ${S}.patient SET merged_into = NULL WHERE org_id = $1 AND patient_id = $2 AND merged_into = $3`,
      [orgId, restored, surviving],
    );
    await moveSourceRecords(manager, orgId, restored, movedSourceRecords, 'MATCH');
    if (removed.length > 0 && (await this.hasPreferences(manager, orgId, restored))) {
      await this.republish(manager, orgId, [surviving, restored], event);
    }
  }

  private async hasPreferences(manager: EntityManager, orgId: string, patientId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${S}.contact_preference WHERE org_id = $1 AND patient_id = $2`,
      [orgId, patientId],
    );
    return rows.length > 0;
  }

  private async republish(
    manager: EntityManager,
    orgId: string,
    patientIds: readonly string[],
    event: { time: string },
  ) {
    const preferences = new ContactPreferenceRepository(manager);
    for (const patientId of patientIds) {
      await publishPreferences(manager, this.outbox, orgId, patientId, await preferences.get(orgId, patientId), {
        changedBy: 'system',
        staffId: undefined,
        at: new Date(event.time),
      });
    }
  }
}
