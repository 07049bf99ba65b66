import { type EventType } from '@revisit/domain';
import { type DataSource } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../../database/scheduler-schema';
import { type TriggerEventType } from '../../plans/plan.types';
import { PatientMergeRepository } from '../../tasks/patient-merge.repository';
import { type RederivePatientTasks } from '../../tasks/use-cases/rederive-patient-tasks';
import { PlanStoreError, PlanStoreErrorCode } from '../plan-store.errors';
import { PlanVersionRepository } from '../plan-version.repository';

/** Catalogue events that can fire a trigger of each type (conditions have no catalogue event yet). */
const CATALOGUE_TYPES: Record<TriggerEventType, readonly EventType[]> = {
  'medication-dispensed': ['revisit.clinical.medication-dispensed.v1'],
  'procedure-performed': ['revisit.clinical.procedure-performed.v1'],
  'encounter-finished': ['revisit.clinical.encounter-discharged.v1'],
  'appointment-booked': ['revisit.appointment.booked.v1'],
  'appointment-missed': ['revisit.appointment.no-show.v1'],
  'patient-registered': ['revisit.patient.registered.v1'],
  'condition-recorded': [],
  'condition-resolved': [],
};

export interface ActivationOutcome {
  readonly planId: string;
  readonly version: number;
  readonly patientsRederived: number;
}

/**
 * Puts a stored version in force, then re-derives every patient whose history holds an event that the
 * previous or the new version triggers on, one transaction per patient (a large org is not one giant
 * transaction; an interrupted activation is completed by the next event of each remaining patient).
 */
export class ActivatePlanVersion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rederive: Pick<RederivePatientTasks, 'rederive'>,
  ) {}

  async execute(orgId: string, planId: string, version: number): Promise<ActivationOutcome> {
    const triggerTypes = await this.dataSource.transaction(async (manager) => {
      const plans = new PlanVersionRepository(manager);
      const versions = await plans.versionsOf(orgId, planId);
      const previous = versions.find((v) => v.active);
      const next = versions.find((v) => v.version === version);
      if (!next || !(await plans.activate(orgId, planId, version))) {
        throw new PlanStoreError(PlanStoreErrorCode.NotFound, `plan ${planId} has no version ${version}`);
      }
      return [...(previous?.document.trigger.events ?? []), ...next.document.trigger.events];
    });
    const eventTypes = [...new Set(triggerTypes.flatMap((type) => CATALOGUE_TYPES[type]))];
    const patients: { patient_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT patient_id FROM "${SCHEDULER_SCHEMA}".patient_history
        WHERE org_id = $1 AND event_type = ANY($2::text[]) ORDER BY patient_id`,
      [orgId, eventTypes],
    );
    const done = new Set<string>();
    for (const { patient_id } of patients) {
      await this.dataSource.transaction(async (manager) => {
        const person = await new PatientMergeRepository(manager).canonicalOf(orgId, patient_id);
        if (done.has(person)) return;
        done.add(person);
        await this.rederive.rederive(
          manager,
          orgId,
          [person],
          undefined,
          `superseded by plan ${planId} version ${version}`,
        );
      });
    }
    return { planId, version, patientsRederived: done.size };
  }
}
