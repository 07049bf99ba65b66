import { type EventEnvelope, type MedicationDispenseReversedV1, type MedicationDispensedV1 } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { localDate, survivingPatient, table } from './read-model-sql';

export interface VisitFact {
  readonly key: string;
  readonly eventId: string;
  readonly org: string;
  readonly patient: string;
  readonly kind: 'encounter' | 'appointment' | 'procedure' | 'dispense';
  readonly site: string;
  readonly department: string | null;
  readonly doctor: string | null;
  readonly disease: string | null;
  readonly occurredAt: string;
  readonly chargeMinor: number;
  readonly sourceSystem: string | null;
  readonly sourceLocalId: string | null;
}

/** ICD-10 category (first three characters), the level the dashboard groups diseases at. */
const diseaseOf = (code: string | undefined): string | null => (code === undefined ? null : code.slice(0, 3));

/** Visits (encounters, procedures, dispenses; attended appointments come from AppointmentProjector) and fills. */
export class ClinicalProjector {
  constructor(private readonly zone: string) {}

  async visit(m: EntityManager, v: VisitFact): Promise<void> {
    await m.query(
      `INSERT INTO ${table('visit')} (org_id, visit_key, event_id, patient_id, kind, site_id, department_code, doctor_id,
              disease_code, occurred_at, local_date, charge_minor, source_system, source_local_id)
       VALUES ($1, $2, $3, ${survivingPatient('$1', '$4')}, $5, $6, $7, $8, $9, $10, ${localDate('$10', '$14')}, $11, $12, $13)
       ON CONFLICT (org_id, visit_key) DO UPDATE SET
         department_code = COALESCE(EXCLUDED.department_code, visit.department_code),
         doctor_id = COALESCE(EXCLUDED.doctor_id, visit.doctor_id),
         disease_code = COALESCE(EXCLUDED.disease_code, visit.disease_code),
         charge_minor = GREATEST(visit.charge_minor, EXCLUDED.charge_minor)`,
      [
        v.org,
        v.key,
        v.eventId,
        v.patient,
        v.kind,
        v.site,
        v.department,
        v.doctor,
        v.disease,
        v.occurredAt,
        v.chargeMinor,
        v.sourceSystem,
        v.sourceLocalId,
        this.zone,
      ],
    );
    await attributeTasks(m, v.eventId, v.site, v.department, v.doctor);
  }

  async encounterDischarged(m: EntityManager, e: EventEnvelope<'revisit.clinical.encounter-discharged.v1'>) {
    const d = e.data;
    const principal = d.diagnoses.find((dx) => dx.role === 'primary') ?? d.diagnoses[0];
    await this.visit(m, {
      key: `encounter:${d.sourceSystem}:${d.encounterId}`,
      eventId: e.id,
      org: e.orgid,
      patient: d.patient.enterpriseId,
      kind: 'encounter',
      site: e.orgid,
      department: d.departmentCode,
      doctor: d.attendingStaffId,
      disease: diseaseOf(principal?.code),
      occurredAt: d.dischargedAt,
      chargeMinor: d.charge?.amountMinor ?? 0,
      sourceSystem: d.patient.sourceSystem ?? d.sourceSystem,
      sourceLocalId: d.patient.localId ?? null,
    });
  }

  async procedurePerformed(m: EntityManager, e: EventEnvelope<'revisit.clinical.procedure-performed.v1'>) {
    const d = e.data;
    await this.visit(m, {
      key: `procedure:${d.sourceSystem}:${d.procedureId}`,
      eventId: e.id,
      org: e.orgid,
      patient: d.patient.enterpriseId,
      kind: 'procedure',
      site: e.orgid,
      department: d.departmentCode,
      doctor: d.performerStaffId,
      disease: null,
      occurredAt: d.performedAt,
      chargeMinor: d.charge?.amountMinor ?? 0,
      sourceSystem: d.patient.sourceSystem ?? d.sourceSystem,
      sourceLocalId: d.patient.localId ?? null,
    });
  }

  async dispensed(m: EntityManager, e: EventEnvelope<'revisit.clinical.medication-dispensed.v1'>): Promise<void> {
    const d = e.data;
    const key = `${d.sourceSystem}:${d.dispenseId}`;
    const site = d.storeId ?? e.orgid;
    const doctor = d.prescription?.prescriberStaffId ?? null;
    await m.query(
      `INSERT INTO ${table('dispense')} (org_id, dispense_key, event_id, patient_id, site_id, department_code, doctor_id,
              class_codes, local_date, payload)
       VALUES ($1, $2, $3, ${survivingPatient('$1', '$4')}, $5, $6, $7, $8, ${localDate('$9', '$11')}, $10)
       ON CONFLICT (org_id, dispense_key) DO NOTHING`,
      [
        e.orgid,
        key,
        e.id,
        d.patient.enterpriseId,
        site,
        d.departmentCode ?? null,
        doctor,
        d.drug.classCodes.map((c) => c.code),
        d.dispensedAt,
        JSON.stringify(d),
        this.zone,
      ],
    );
    await this.visit(m, {
      key: `dispense:${key}`,
      eventId: e.id,
      org: e.orgid,
      patient: d.patient.enterpriseId,
      kind: 'dispense',
      site,
      department: d.departmentCode ?? null,
      doctor,
      disease: null,
      occurredAt: d.dispensedAt,
      chargeMinor: d.charge?.amountMinor ?? 0,
      sourceSystem: d.patient.sourceSystem ?? d.sourceSystem,
      sourceLocalId: d.patient.localId ?? null,
    });
    await this.recomputeDispenseCharge(m, e.orgid, key);
  }

  async dispenseReversed(m: EntityManager, e: EventEnvelope<'revisit.clinical.medication-dispense-reversed.v1'>) {
    const d = e.data;
    const dispenseKey = `${d.sourceSystem}:${d.dispenseId}`;
    await m.query(
      `INSERT INTO ${table('dispense_reversal')} (org_id, reversal_key, dispense_key, patient_id, payload)
       VALUES ($1, $2, $3, ${survivingPatient('$1', '$4')}, $5) ON CONFLICT (org_id, reversal_key) DO NOTHING`,
      [e.orgid, `${d.sourceSystem}:${d.reversalId}`, dispenseKey, d.patient.enterpriseId, JSON.stringify(d)],
    );
    await this.recomputeDispenseCharge(m, e.orgid, dispenseKey);
  }

  /**
   * Revenue of a dispense after returns, recomputed from all its reversals so it does not matter in which
   * order the dispense and its reversals arrive: a full return refunds everything, a partial one pro rata
   * when the returned unit is the dispensed unit.
   */
  private async recomputeDispenseCharge(m: EntityManager, org: string, dispenseKey: string): Promise<void> {
    const rows: { payload: MedicationDispensedV1 }[] = await m.query(
      `SELECT payload FROM ${table('dispense')} WHERE org_id = $1 AND dispense_key = $2`,
      [org, dispenseKey],
    );
    const dispense = rows[0]?.payload;
    if (dispense?.charge === undefined) return;
    const reversals: { payload: MedicationDispenseReversedV1 }[] = await m.query(
      `SELECT payload FROM ${table('dispense_reversal')} WHERE org_id = $1 AND dispense_key = $2`,
      [org, dispenseKey],
    );
    let kept = 1;
    for (const { payload } of reversals) {
      if (payload.fullReversal) kept = 0;
      else if (payload.quantityReturned.unit === dispense.quantity.unit) {
        kept -= payload.quantityReturned.value / dispense.quantity.value;
      }
    }
    const charge = Math.round(dispense.charge.amountMinor * Math.max(0, kept));
    await m.query(`UPDATE ${table('visit')} SET charge_minor = $3 WHERE org_id = $1 AND visit_key = $2`, [
      org,
      `dispense:${dispenseKey}`,
      charge,
    ]);
  }
}

/** Tasks triggered by this fact inherit its site, department and doctor, whichever of the two arrived first. */
export async function attributeTasks(
  m: EntityManager,
  eventId: string,
  site: string,
  department: string | null,
  doctor: string | null,
): Promise<void> {
  await m.query(
    `UPDATE ${table('task')} SET site_id = $2, department_code = $3, doctor_id = $4
      WHERE trigger_event_id = $1 AND site_id IS NULL`,
    [eventId, site, department, doctor],
  );
}
