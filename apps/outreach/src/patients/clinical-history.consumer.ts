import { Injectable } from '@nestjs/common';
import { type EventEnvelope as DomainEventEnvelope, type EventType } from '@revisit/domain';
import { EventHandler, type HandlerContext } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const TABLE = `"${OUTREACH_SCHEMA}".clinical_fact`;

/** How many facts of each kind the 360 view keeps per patient id; older ones are dropped on arrival. */
export const CLINICAL_FACTS_KEPT = 20;

export const CLINICAL_EVENT_SUBSCRIPTIONS = [
  'revisit.clinical.medication-dispensed.v1',
  'revisit.clinical.medication-dispense-reversed.v1',
  'revisit.clinical.procedure-performed.v1',
  'revisit.clinical.encounter-started.v1',
  'revisit.clinical.encounter-discharged.v1',
] as const satisfies readonly EventType[];

type FactKind = 'dispensing' | 'dispense-reversal' | 'procedure' | 'encounter';

interface Fact {
  readonly orgId: string;
  readonly patientId: string;
  readonly kind: FactKind;
  readonly sourceSystem: string;
  readonly sourceId: string;
  readonly occurredAt: string;
  readonly summary: Record<string, unknown>;
}

/**
 * The recent clinical history agents see in the 360 view: what was dispensed (and returned), which procedures
 * were done, which visits. Keyed by the source's own id, so a redelivered event changes nothing; the two
 * encounter events fill one entry in whichever order they arrive.
 */
@Injectable()
export class ClinicalHistoryConsumer {
  @EventHandler('revisit.clinical.medication-dispensed.v1')
  async onDispensed(
    event: DomainEventEnvelope<'revisit.clinical.medication-dispensed.v1'>,
    { manager }: HandlerContext,
  ) {
    const d = event.data;
    await keep(manager, {
      orgId: event.orgid,
      patientId: d.patient.enterpriseId,
      kind: 'dispensing',
      sourceSystem: d.sourceSystem,
      sourceId: d.dispenseId,
      occurredAt: d.dispensedAt,
      summary: {
        dispenseId: d.dispenseId,
        drug: { code: d.drug.code, name: d.drug.name },
        quantity: d.quantity,
        ...(d.sig === undefined ? {} : { sig: d.sig.text }),
        ...(d.daysSupply === undefined ? {} : { daysSupply: d.daysSupply }),
        ...(d.storeId === undefined ? {} : { storeId: d.storeId }),
        dispensedAt: d.dispensedAt,
      },
    });
  }

  @EventHandler('revisit.clinical.medication-dispense-reversed.v1')
  async onReversed(
    event: DomainEventEnvelope<'revisit.clinical.medication-dispense-reversed.v1'>,
    { manager }: HandlerContext,
  ) {
    const d = event.data;
    await keep(manager, {
      orgId: event.orgid,
      patientId: d.patient.enterpriseId,
      kind: 'dispense-reversal',
      sourceSystem: d.sourceSystem,
      sourceId: d.reversalId,
      occurredAt: d.reversedAt,
      summary: {
        dispenseId: d.dispenseId,
        quantityReturned: d.quantityReturned,
        fullReversal: d.fullReversal,
        reason: d.reason,
        reversedAt: d.reversedAt,
      },
    });
  }

  @EventHandler('revisit.clinical.procedure-performed.v1')
  async onProcedure(
    event: DomainEventEnvelope<'revisit.clinical.procedure-performed.v1'>,
    { manager }: HandlerContext,
  ) {
    const d = event.data;
    await keep(manager, {
      orgId: event.orgid,
      patientId: d.patient.enterpriseId,
      kind: 'procedure',
      sourceSystem: d.sourceSystem,
      sourceId: d.procedureId,
      occurredAt: d.performedAt,
      summary: {
        procedureId: d.procedureId,
        procedure: d.procedure,
        category: d.category,
        departmentCode: d.departmentCode,
        performerStaffId: d.performerStaffId,
        ...(d.dental?.teeth === undefined ? {} : { teeth: d.dental.teeth }),
        performedAt: d.performedAt,
      },
    });
  }

  @EventHandler('revisit.clinical.encounter-started.v1')
  async onEncounterStarted(
    event: DomainEventEnvelope<'revisit.clinical.encounter-started.v1'>,
    { manager }: HandlerContext,
  ) {
    const d = event.data;
    await keep(manager, {
      orgId: event.orgid,
      patientId: d.patient.enterpriseId,
      kind: 'encounter',
      sourceSystem: d.sourceSystem,
      sourceId: d.encounterId,
      occurredAt: d.startedAt,
      summary: {
        encounterId: d.encounterId,
        class: d.class,
        departmentCode: d.departmentCode,
        ...(d.attendingStaffId === undefined ? {} : { attendingStaffId: d.attendingStaffId }),
        diagnoses: d.diagnoses,
        startedAt: d.startedAt,
      },
    });
  }

  @EventHandler('revisit.clinical.encounter-discharged.v1')
  async onEncounterDischarged(
    event: DomainEventEnvelope<'revisit.clinical.encounter-discharged.v1'>,
    { manager }: HandlerContext,
  ) {
    const d = event.data;
    await keep(manager, {
      orgId: event.orgid,
      patientId: d.patient.enterpriseId,
      kind: 'encounter',
      sourceSystem: d.sourceSystem,
      sourceId: d.encounterId,
      occurredAt: d.admittedAt,
      summary: {
        encounterId: d.encounterId,
        class: d.class,
        departmentCode: d.departmentCode,
        attendingStaffId: d.attendingStaffId,
        // Discharge diagnoses are final: they replace those known at admission.
        diagnoses: d.diagnoses,
        startedAt: d.admittedAt,
        dischargedAt: d.dischargedAt,
        ...(d.disposition === undefined ? {} : { disposition: d.disposition }),
      },
    });
  }
}

async function keep(manager: EntityManager, fact: Fact): Promise<void> {
  // A later-arriving start must not undo what the discharge already said: existing keys win for it.
  const merge =
    fact.kind === 'encounter' && fact.summary['dischargedAt'] === undefined
      ? `EXCLUDED.summary || ${TABLE}.summary`
      : `${TABLE}.summary || EXCLUDED.summary`;
  await manager.query(
    `INSERT INTO ${TABLE} (org_id, patient_id, kind, source_system, source_id, occurred_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (org_id, kind, source_system, source_id) DO UPDATE
       SET summary = ${merge}, occurred_at = LEAST(${TABLE}.occurred_at, EXCLUDED.occurred_at)`,
    [
      fact.orgId,
      fact.patientId,
      fact.kind,
      fact.sourceSystem,
      fact.sourceId,
      fact.occurredAt,
      JSON.stringify(fact.summary),
    ],
  );
  await manager.query(
    `DELETE FROM ${TABLE} f USING (
       SELECT source_system, source_id FROM ${TABLE}
        WHERE org_id = $1 AND patient_id = $2 AND kind = $3
        ORDER BY occurred_at DESC, source_id DESC OFFSET $4
     ) old
     WHERE f.org_id = $1 AND f.kind = $3 AND f.source_system = old.source_system AND f.source_id = old.source_id`,
    [fact.orgId, fact.patientId, fact.kind, CLINICAL_FACTS_KEPT],
  );
}
