import { type AnyEventEnvelope } from '@revisit/domain';
import { sigTextFromStructured } from '../supply/structured-sig';
import { type PatientEvent, type PatientStatus } from './patient-event';

type Envelope<T extends AnyEventEnvelope['type']> = Extract<AnyEventEnvelope, { type: T }>;

function dispensed(envelope: Envelope<'revisit.clinical.medication-dispensed.v1'>): PatientEvent[] {
  const { data } = envelope;
  const atc = data.drug.classCodes.find((coding) => coding.system.toUpperCase() === 'ATC')?.code;
  const structured = data.sig?.structured;
  const sig = structured
    ? sigTextFromStructured({
        doseValue: structured.dose.value,
        doseUnit: structured.dose.unit,
        count: structured.frequency.count,
        period: structured.frequency.period,
        periodUnit: structured.frequency.periodUnit,
        ...(structured.asNeeded === undefined ? {} : { asNeeded: structured.asNeeded }),
      })
    : data.sig?.text;
  return [
    {
      id: envelope.id,
      type: 'medication-dispensed',
      patientId: envelope.subject,
      occurredAt: data.dispensedAt,
      dispenseId: `${data.sourceSystem}:${data.dispenseId}`,
      drug: { code: data.drug.code, name: data.drug.name, ...(atc === undefined ? {} : { atc }) },
      quantity: { value: data.quantity.value, unit: data.quantity.unit },
      ...(sig === undefined ? {} : { sig }),
      ...(data.daysSupply === undefined ? {} : { daysSupply: data.daysSupply }),
      ...(data.packSize
        ? { packaging: [{ unit: data.quantity.unit, contains: data.packSize.value, of: data.packSize.unit }] }
        : {}),
      ...(data.departmentCode === undefined ? {} : { department: data.departmentCode }),
      ...(data.dispenserStaffId === undefined ? {} : { dispenserId: data.dispenserStaffId }),
      ...(data.prescription?.prescriberStaffId === undefined
        ? {}
        : { practitionerId: data.prescription.prescriberStaffId }),
    },
  ];
}

function reversed(envelope: Envelope<'revisit.clinical.medication-dispense-reversed.v1'>): PatientEvent[] {
  const { data } = envelope;
  const dispenseId = `${data.sourceSystem}:${data.dispenseId}`;
  const base = { id: envelope.id, patientId: envelope.subject, occurredAt: data.reversedAt };
  // A full reversal (dispensing error, whole pack back) means the dispense never counted.
  if (data.fullReversal) return [{ ...base, type: 'medication-dispense-reversed', dispenseId }];
  return [
    {
      ...base,
      type: 'medication-returned',
      returnId: `${data.sourceSystem}:${data.reversalId}`,
      dispenseId,
      quantity: { value: data.quantityReturned.value, unit: data.quantityReturned.unit },
    },
  ];
}

function procedure(envelope: Envelope<'revisit.clinical.procedure-performed.v1'>): PatientEvent[] {
  const { data } = envelope;
  return [
    {
      id: envelope.id,
      type: 'procedure-performed',
      patientId: envelope.subject,
      occurredAt: data.performedAt,
      procedureId: `${data.sourceSystem}:${data.procedureId}`,
      category: data.category,
      code: data.procedure.code,
      department: data.departmentCode,
      practitionerId: data.performerStaffId,
      ...(data.visitType === undefined ? {} : { visitKind: data.visitType }),
      ...(data.dental?.prosthesisPlanned === undefined ? {} : { prosthesisPlanned: data.dental.prosthesisPlanned }),
      ...(data.dental?.restored === undefined ? {} : { restored: data.dental.restored }),
      ...(data.tcm
        ? { prescriptionDays: data.tcm.prescriptionDays, prescriptionStart: data.tcm.prescriptionStartDate }
        : {}),
    },
  ];
}

function discharged(envelope: Envelope<'revisit.clinical.encounter-discharged.v1'>): PatientEvent[] {
  const { data } = envelope;
  const events: PatientEvent[] = [
    {
      id: envelope.id,
      type: 'encounter-finished',
      patientId: envelope.subject,
      occurredAt: data.dischargedAt,
      encounterId: `${data.sourceSystem}:${data.encounterId}`,
      encounterClass: data.class,
      department: data.departmentCode,
      diagnoses: data.diagnoses.map((diagnosis) => diagnosis.code),
      practitionerId: data.attendingStaffId,
      ...(data.visitType === undefined ? {} : { visitKind: data.visitType }),
    },
  ];
  if (data.disposition === 'deceased') {
    events.push({
      id: `${envelope.id}#deceased`,
      type: 'patient-status-changed',
      patientId: envelope.subject,
      occurredAt: data.dischargedAt,
      status: 'deceased',
    });
  }
  return events;
}

function preferences(envelope: Envelope<'revisit.outreach.contact-preference-changed.v1'>): PatientEvent[] {
  const { data } = envelope;
  const flags = [
    [data.doesNotWantFollowUp, 'declined-follow-up'],
    [data.movedAway, 'moved-away'],
    [data.deceased, 'deceased'],
    [data.consent.care === 'withdrawn', 'consent-withdrawn'],
  ] as const;
  const stops: PatientEvent[] = flags
    .filter(([set]) => set)
    .map(([, status]) => ({
      id: `${envelope.id}#${status}`,
      type: 'patient-status-changed' as const,
      patientId: envelope.subject,
      occurredAt: data.changedAt,
      status,
    }));
  return [
    ...stops,
    {
      id: `${envelope.id}#quiet-times`,
      type: 'quiet-times-set',
      patientId: envelope.subject,
      occurredAt: data.changedAt,
      windows: data.doNotDisturb,
    },
  ];
}

/** Outcomes outreach reports that end all follow-up for the patient, as the engine's statuses. */
const STOPPING_OUTCOMES: Readonly<Partial<Record<string, PatientStatus>>> = {
  refused: 'declined-follow-up',
  'do-not-contact': 'consent-withdrawn',
  'moved-away': 'moved-away',
  deceased: 'deceased',
};

function completed(envelope: Envelope<'revisit.followup.task-completed.v1'>): PatientEvent[] {
  const status = STOPPING_OUTCOMES[envelope.data.outcome];
  if (status === undefined) return [];
  return [
    {
      id: `${envelope.id}#${status}`,
      type: 'patient-status-changed',
      patientId: envelope.subject,
      occurredAt: envelope.data.completedAt,
      status,
    },
  ];
}

/**
 * Catalogue events (libs/domain) -> the engine's patient history. Record ids are qualified by their
 * source system (ids are unique only per source). Events the plans do not use map to nothing.
 */
export function patientEventsOf(envelope: AnyEventEnvelope): PatientEvent[] {
  switch (envelope.type) {
    case 'revisit.clinical.medication-dispensed.v1':
      return dispensed(envelope);
    case 'revisit.clinical.medication-dispense-reversed.v1':
      return reversed(envelope);
    case 'revisit.clinical.procedure-performed.v1':
      return procedure(envelope);
    case 'revisit.clinical.encounter-discharged.v1':
      return discharged(envelope);
    case 'revisit.appointment.booked.v1':
      return [
        {
          id: envelope.id,
          type: 'appointment-booked',
          patientId: envelope.subject,
          occurredAt: envelope.data.bookedAt,
          appointmentId: `${envelope.data.sourceSystem}:${envelope.data.appointmentId}`,
          start: envelope.data.start,
          department: envelope.data.departmentCode,
          ...(envelope.data.providerStaffId === undefined ? {} : { practitionerId: envelope.data.providerStaffId }),
        },
      ];
    case 'revisit.appointment.cancelled.v1':
      return [
        {
          id: envelope.id,
          type: 'appointment-cancelled',
          patientId: envelope.subject,
          occurredAt: envelope.data.cancelledAt,
          appointmentId: `${envelope.data.sourceSystem}:${envelope.data.appointmentId}`,
        },
      ];
    case 'revisit.appointment.no-show.v1':
      return [
        {
          id: envelope.id,
          type: 'appointment-missed',
          patientId: envelope.subject,
          occurredAt: envelope.data.detectedAt,
          appointmentId: `${envelope.data.sourceSystem}:${envelope.data.appointmentId}`,
          start: envelope.data.start,
          department: envelope.data.departmentCode,
        },
      ];
    case 'revisit.patient.registered.v1':
      return [
        {
          id: envelope.id,
          type: 'patient-registered',
          patientId: envelope.subject,
          occurredAt: envelope.data.registeredAt,
          ...(envelope.data.demographics.birthDate === undefined
            ? {}
            : { birthDate: envelope.data.demographics.birthDate }),
        },
      ];
    case 'revisit.patient.merged.v1':
      return [
        {
          id: envelope.id,
          type: 'patients-merged',
          patientId: envelope.data.survivingEnterpriseId,
          occurredAt: envelope.data.mergedAt,
          mergedId: envelope.data.retiredEnterpriseId,
        },
      ];
    case 'revisit.outreach.contact-preference-changed.v1':
      return preferences(envelope);
    case 'revisit.followup.task-completed.v1':
      return completed(envelope);
    default:
      return [];
  }
}
