import { catalogueProcedureCategory, type EventPayload, type EventType, isAtcCoding } from '@revisit/domain';
import {
  type AppointmentData,
  type CodedValue,
  type EncounterData,
  type MedicationData,
  type NormalisedEvent,
  type ProcedureData,
} from '../../normalise/normalised-event';
import { asExternalId, type SourceRecordKey } from '../registry/source-record-key';

/** A clinical or scheduling fact as a catalogue payload, or why it cannot be one (a code, no values). */
export type CatalogueMapping =
  | { readonly ok: true; readonly type: EventType; readonly data: EventPayload<EventType> }
  | { readonly ok: false; readonly reason: CatalogueGap };

export enum CatalogueGap {
  /** The normalised type has no catalogue event (ingest-only facts such as transfers and prescriptions). */
  IngestOnly = 'ingest-only',
  MissingId = 'missing-id',
  MissingTime = 'missing-time',
  MissingCode = 'missing-code',
  UnsupportedClass = 'unsupported-class',
}

export interface MappingContext {
  readonly orgId: string;
  readonly enterpriseId: string;
  readonly key: SourceRecordKey;
  /** Used when the source gave no time for the fact itself (e.g. when a booking was made). */
  readonly receivedAt: string;
}

const id = (value: string | undefined): string | undefined => (value ? asExternalId(value) : undefined);
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Za-z]{1,10})?$/;

function diagnoses(values: readonly CodedValue[]): EventPayload<'revisit.clinical.encounter-started.v1'>['diagnoses'] {
  return values.flatMap((d, index) => {
    const code = d.code?.trim().toUpperCase();
    if (!code || !ICD10.test(code) || (d.system && !/ICD/i.test(d.system))) return [];
    const system = /CN|GB|国家|临床/i.test(d.system ?? '') ? ('ICD-10-CN' as const) : ('ICD-10' as const);
    return [{ system, code, role: index === 0 ? ('primary' as const) : ('secondary' as const) }];
  });
}

function coding(
  value: CodedValue | undefined,
  fallbackSystem: string,
): { system: string; code: string; display?: string } | undefined {
  const code = id(value?.code);
  if (!code) return undefined;
  const display = value?.display?.slice(0, 200);
  return { system: value?.system?.slice(0, 200) || fallbackSystem, code, ...(display ? { display } : {}) };
}

/**
 * Maps a normalised clinical or scheduling fact to its catalogue event, with the enterprise patient id the
 * EMPI assigned. Required contract fields the source did not send are never invented: such a fact is
 * reported as a gap and stays on the stored message.
 */
export function toCatalogueEvent(event: NormalisedEvent, ctx: MappingContext): CatalogueMapping {
  const patient = { enterpriseId: ctx.enterpriseId, sourceSystem: ctx.key.sourceSystem, localId: ctx.key.localId };
  const common = { sourceSystem: ctx.key.sourceSystem, patient, orgId: ctx.orgId };
  const codeSystem = `urn:revisit:${ctx.key.sourceSystem}`;
  switch (event.type) {
    case 'revisit.clinical.encounter-started.v1':
    case 'revisit.clinical.encounter-discharged.v1':
      return encounter(event.type, event.data as EncounterData, common);
    case 'revisit.clinical.medication-dispensed.v1':
      return dispensed(event.data as MedicationData, common, codeSystem, event.occurredAt);
    case 'revisit.clinical.medication-dispense-reversed.v1':
      return reversed(event.data as MedicationData, common, event.source.messageId, event.occurredAt);
    case 'revisit.clinical.procedure-performed.v1':
      return procedure(event.data as ProcedureData, common, codeSystem, event.occurredAt);
    case 'revisit.appointment.booked.v1':
    case 'revisit.appointment.cancelled.v1':
    case 'revisit.appointment.no-show.v1':
    case 'revisit.appointment.attended.v1':
      return appointment(
        event.type,
        event.data as AppointmentData,
        common,
        codeSystem,
        event.occurredAt ?? ctx.receivedAt,
      );
    default:
      return { ok: false, reason: CatalogueGap.IngestOnly };
  }
}

type Common = {
  sourceSystem: string;
  patient: { enterpriseId: string; sourceSystem: string; localId: string };
  orgId: string;
};
const gap = (reason: CatalogueGap): CatalogueMapping => ({ ok: false, reason });

/** A coded value and its alternates, flat: every code system the source named the concept in. */
const codingsOf = (value: CodedValue): CodedValue[] => [value, ...(value.alternates ?? [])];

/** The ATC classes a drug is coded in, whichever coding carries them, for plans keyed on drug classes. */
function atcClassesOf(drug: CodedValue): { system: string; code: string; display?: string }[] {
  const seen = new Set<string>();
  return codingsOf(drug)
    .filter(isAtcCoding)
    .flatMap((coding) => {
      const code = (coding.code ?? '').trim().toUpperCase();
      if (seen.has(code)) return [];
      seen.add(code);
      const display = coding.display?.slice(0, 200);
      return [{ system: 'ATC', code, ...(display ? { display } : {}) }];
    });
}
const ok = <T extends EventType>(type: T, data: EventPayload<T>): CatalogueMapping => ({ ok: true, type, data });

function encounter(
  type: 'revisit.clinical.encounter-started.v1' | 'revisit.clinical.encounter-discharged.v1',
  d: EncounterData,
  common: Common,
): CatalogueMapping {
  const encounterId = id(d.encounterId);
  const departmentCode = id(d.department);
  if (!encounterId) return gap(CatalogueGap.MissingId);
  if (!departmentCode) return gap(CatalogueGap.MissingCode);
  if (d.class !== 'inpatient' && d.class !== 'outpatient' && d.class !== 'emergency')
    return gap(CatalogueGap.UnsupportedClass);
  if (!d.startedAt) return gap(CatalogueGap.MissingTime);
  const attendingStaffId = id(d.attendingDoctor);
  const base = { encounterId, ...common, class: d.class, departmentCode, diagnoses: diagnoses(d.diagnoses) };
  if (type === 'revisit.clinical.encounter-started.v1') {
    return ok(type, { ...base, ...(attendingStaffId ? { attendingStaffId } : {}), startedAt: d.startedAt });
  }
  if (!d.endedAt) return gap(CatalogueGap.MissingTime);
  if (!attendingStaffId) return gap(CatalogueGap.MissingId);
  return ok(type, { ...base, attendingStaffId, admittedAt: d.startedAt, dischargedAt: d.endedAt });
}

/** A quantity without a unit is a count of dispensing units: UCUM's unity `1`. */
const quantityOf = (d: MedicationData) =>
  d.quantity ? { value: Math.abs(d.quantity.value), unit: id(d.quantity.unit) ?? '1' } : undefined;

function dispensed(
  d: MedicationData,
  common: Common,
  codeSystem: string,
  occurredAt: string | undefined,
): CatalogueMapping {
  const dispenseId = id(d.dispenseId);
  const drugCode = id(d.drug.code);
  const quantity = quantityOf(d);
  const dispensedAt = d.dispensedAt ?? occurredAt;
  if (!dispenseId) return gap(CatalogueGap.MissingId);
  if (!drugCode || !quantity || quantity.value <= 0) return gap(CatalogueGap.MissingCode);
  if (!dispensedAt) return gap(CatalogueGap.MissingTime);
  const storeId = id(d.store);
  const dispenserStaffId = id(d.dispenser);
  const prescriptionId = id(d.prescriptionId);
  const prescriberStaffId = id(d.prescriber);
  const sig = d.sig?.slice(0, 500);
  return ok('revisit.clinical.medication-dispensed.v1', {
    dispenseId,
    ...common,
    ...(storeId ? { storeId } : {}),
    ...(dispenserStaffId ? { dispenserStaffId } : {}),
    drug: {
      code: drugCode,
      system: d.drug.system?.slice(0, 200) || `${codeSystem}:drug`,
      name: (d.drug.display ?? drugCode).slice(0, 200),
      classCodes: atcClassesOf(d.drug),
    },
    quantity,
    ...(sig ? { sig: { text: sig } } : {}),
    ...(d.daysSupply && Number.isInteger(d.daysSupply) && d.daysSupply > 0 ? { daysSupply: d.daysSupply } : {}),
    dispensedAt,
    ...(d.charge ? { charge: d.charge } : {}),
    ...(prescriptionId || prescriberStaffId
      ? {
          prescription: {
            ...(prescriptionId ? { prescriptionId } : {}),
            ...(prescriberStaffId ? { prescriberStaffId } : {}),
          },
        }
      : {}),
  });
}

const REVERSAL_REASONS: Readonly<
  Record<string, EventPayload<'revisit.clinical.medication-dispense-reversed.v1'>['reason']>
> = {
  returned: 'patient-returned',
  'entered-in-error': 'dispensing-error',
};

function reversed(
  d: MedicationData,
  common: Common,
  messageId: string | undefined,
  occurredAt: string | undefined,
): CatalogueMapping {
  const dispenseId = id(d.dispenseId);
  const quantity = quantityOf(d);
  const reversedAt = d.dispensedAt ?? occurredAt;
  if (!dispenseId || !quantity || quantity.value <= 0) return gap(CatalogueGap.MissingId);
  if (!reversedAt) return gap(CatalogueGap.MissingTime);
  const reversalId = id(messageId ? `${dispenseId}:${messageId}` : `${dispenseId}:reversal`) ?? dispenseId;
  return ok('revisit.clinical.medication-dispense-reversed.v1', {
    reversalId,
    dispenseId,
    ...common,
    quantityReturned: quantity,
    // A cancelled order or an entry in error takes back the whole dispense; a return line states its amount.
    fullReversal: d.reason === 'cancelled' || d.reason === 'entered-in-error',
    reason: REVERSAL_REASONS[d.reason ?? ''] ?? 'other',
    reversedAt,
  });
}

function procedure(
  d: ProcedureData,
  common: Common,
  codeSystem: string,
  occurredAt: string | undefined,
): CatalogueMapping {
  const procedureId = id(d.procedureId);
  const code = coding(d.procedure, `${codeSystem}:procedure`);
  const performerStaffId = id(d.performer);
  const departmentCode = id(d.department);
  const performedAt = d.performedAt ?? occurredAt;
  if (!procedureId || !performerStaffId) return gap(CatalogueGap.MissingId);
  if (!code || !departmentCode) return gap(CatalogueGap.MissingCode);
  if (!performedAt) return gap(CatalogueGap.MissingTime);
  const encounterId = id(d.encounterId);
  return ok('revisit.clinical.procedure-performed.v1', {
    procedureId,
    ...common,
    procedure: code,
    // Categories drive dental/TCM schedules: a stated category coding, else the procedure's wording.
    category: catalogueProcedureCategory([...codingsOf(d.procedure), ...(d.category ? codingsOf(d.category) : [])]),
    performerStaffId,
    departmentCode,
    ...(encounterId ? { encounterId } : {}),
    performedAt,
    ...(d.charge ? { charge: d.charge } : {}),
  });
}

function appointment(
  type:
    | 'revisit.appointment.booked.v1'
    | 'revisit.appointment.cancelled.v1'
    | 'revisit.appointment.no-show.v1'
    | 'revisit.appointment.attended.v1',
  d: AppointmentData,
  common: Common,
  codeSystem: string,
  when: string,
): CatalogueMapping {
  const appointmentId = id(d.appointmentId);
  const departmentCode = id(d.department);
  const serviceType = coding(d.serviceType, `${codeSystem}:service`);
  const end = d.end ?? (d.start && d.durationMinutes ? addMinutes(d.start, d.durationMinutes) : undefined);
  if (!appointmentId) return gap(CatalogueGap.MissingId);
  if (!departmentCode || !serviceType) return gap(CatalogueGap.MissingCode);
  if (!d.start || !end) return gap(CatalogueGap.MissingTime);
  const providerStaffId = id(d.provider);
  const core = {
    appointmentId,
    ...common,
    start: d.start,
    end,
    departmentCode,
    serviceType,
    ...(providerStaffId ? { providerStaffId } : {}),
  };
  switch (type) {
    case 'revisit.appointment.booked.v1':
      return ok(type, { ...core, bookedAt: when });
    case 'revisit.appointment.cancelled.v1':
      // The booking system reports the cancellation; who asked for it is not in the feeds we read.
      return ok(type, { ...core, cancelledBy: 'system', cancelledAt: when });
    case 'revisit.appointment.no-show.v1':
      return ok(type, { ...core, detectedAt: when });
    case 'revisit.appointment.attended.v1':
      return ok(type, { ...core, arrivedAt: when });
  }
}

/** Keeps the start's own offset, so the end reads in the same zone. */
function addMinutes(start: string, minutes: number): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/.exec(start);
  if (!m) return undefined;
  const offset =
    m[2] === 'Z' ? 0 : (m[2]!.startsWith('-') ? -1 : 1) * (Number(m[2]!.slice(1, 3)) * 60 + Number(m[2]!.slice(4, 6)));
  const instant = new Date(Date.parse(start) + minutes * 60_000 + offset * 60_000);
  return `${instant.toISOString().slice(0, 19)}${m[2] === 'Z' ? 'Z' : m[2]}`;
}
