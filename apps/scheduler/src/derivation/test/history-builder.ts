import { loadBuiltinTemplate, type BuiltinTemplateId } from '../../plans/builtin-templates';
import { deriveTasks } from '../derive-tasks';
import {
  type AppointmentBooked,
  type ConditionRecorded,
  type EncounterFinished,
  type MedicationDispensed,
  type PatientEvent,
  type PatientStatus,
  type ProcedurePerformed,
} from '../patient-event';
import { type TaskSet } from '../task-set';

/** Builds patient histories for tests; event ids are sequential so tests read like a chart. */
export class HistoryBuilder {
  private sequence = 0;
  readonly events: PatientEvent[] = [];

  constructor(private readonly patientId = 'P1') {}

  private next(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${this.sequence}`;
  }

  add<E extends PatientEvent>(event: E): E {
    this.events.push(event);
    return event;
  }

  dispense(
    occurredAt: string,
    fields: Partial<MedicationDispensed> & Pick<MedicationDispensed, 'drug' | 'quantity'>,
  ): MedicationDispensed {
    const dispenseId = fields.dispenseId ?? this.next('D');
    return this.add({
      id: `evt-${dispenseId}`,
      type: 'medication-dispensed',
      patientId: this.patientId,
      occurredAt,
      dispenseId,
      ...fields,
    });
  }

  returned(occurredAt: string, drugCode: string, value: number, unit: string, dispenseId?: string): void {
    const returnId = this.next('R');
    this.add({
      id: `evt-${returnId}`,
      type: 'medication-returned',
      patientId: this.patientId,
      occurredAt,
      returnId,
      drugCode,
      quantity: { value, unit },
      ...(dispenseId === undefined ? {} : { dispenseId }),
    });
  }

  reverseDispense(occurredAt: string, dispenseId: string): void {
    this.add({
      id: this.next('evt-rev-'),
      type: 'medication-dispense-reversed',
      patientId: this.patientId,
      occurredAt,
      dispenseId,
    });
  }

  procedure(occurredAt: string, category: string, fields: Partial<ProcedurePerformed> = {}): ProcedurePerformed {
    const procedureId = fields.procedureId ?? this.next('PR');
    return this.add({
      id: `evt-${procedureId}`,
      type: 'procedure-performed',
      patientId: this.patientId,
      occurredAt,
      procedureId,
      category,
      ...fields,
    });
  }

  encounter(occurredAt: string, fields: Partial<EncounterFinished> = {}): EncounterFinished {
    const encounterId = fields.encounterId ?? this.next('E');
    return this.add({
      id: `evt-${encounterId}`,
      type: 'encounter-finished',
      patientId: this.patientId,
      occurredAt,
      encounterId,
      encounterClass: 'outpatient',
      ...fields,
    });
  }

  booked(occurredAt: string, start: string, appointmentId = this.next('A')): AppointmentBooked {
    return this.add({
      id: this.next('evt-book-'),
      type: 'appointment-booked',
      patientId: this.patientId,
      occurredAt,
      appointmentId,
      start,
    });
  }

  cancelled(occurredAt: string, appointmentId: string): void {
    this.add({
      id: this.next('evt-cancel-'),
      type: 'appointment-cancelled',
      patientId: this.patientId,
      occurredAt,
      appointmentId,
    });
  }

  missed(occurredAt: string, start: string, appointmentId = this.next('A')): void {
    this.add({
      id: this.next('evt-miss-'),
      type: 'appointment-missed',
      patientId: this.patientId,
      occurredAt,
      appointmentId,
      start,
    });
  }

  registered(occurredAt: string, birthDate: string): void {
    this.add({
      id: this.next('evt-reg-'),
      type: 'patient-registered',
      patientId: this.patientId,
      occurredAt,
      birthDate,
    });
  }

  condition(
    occurredAt: string,
    code: string,
    type: ConditionRecorded['type'] = 'condition-recorded',
    chronic?: boolean,
  ): void {
    const conditionId = this.next('C');
    this.add({
      id: `evt-${type}-${conditionId}`,
      type,
      patientId: this.patientId,
      occurredAt,
      conditionId,
      code,
      ...(chronic === undefined ? {} : { chronic }),
    });
  }

  status(occurredAt: string, status: PatientStatus): void {
    this.add({
      id: this.next('evt-status-'),
      type: 'patient-status-changed',
      patientId: this.patientId,
      occurredAt,
      status,
    });
  }

  mergedFrom(occurredAt: string, mergedId: string): void {
    this.add({ id: this.next('evt-merge-'), type: 'patients-merged', patientId: this.patientId, occurredAt, mergedId });
  }
}

export const AMLODIPINE = { code: 'X-AML-5', atc: 'C08CA01', name: '苯磺酸氨氯地平片 5mg' } as const;
export const NIFEDIPINE = { code: 'X-NIF-30', atc: 'C08CA05', name: '硝苯地平控释片 30mg' } as const;
export const METFORMIN = { code: 'X-MET-500', atc: 'A10BA02', name: '盐酸二甲双胍片 0.5g' } as const;

export function derive(
  template: BuiltinTemplateId,
  events: readonly PatientEvent[],
  now = '2026-03-01T00:00:00+08:00',
): TaskSet {
  return deriveTasks([loadBuiltinTemplate(template)], events, { now });
}

/** "stepId@due" pairs, the compact form the table tests compare. */
export function schedule(set: TaskSet): string[] {
  return set.tasks.map((task) => `${task.stepId}@${task.due}`);
}
