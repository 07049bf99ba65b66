import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Message, type Hl7Segment } from '../parse/hl7-message';
import {
  type MedicationData,
  type NormalisedEvent,
  normalisedEvent,
  type Quantity,
} from '../../normalise/normalised-event';
import { coded, comp, numberOrUndefined, staffRef } from './hl7-values';
import { ft1Charge } from './ft1-charge';
import { sumCharges } from '../../normalise/charge';
import { type MappingContext } from './mapping-context';
import { patientFromPid } from './patient-from-pid';

/** ORC-1 order-control codes that cancel what was sent before (HL7 table 0119). */
const CANCELLING_CONTROLS = new Set(['CA', 'OC', 'CR']);

interface OrderGroup {
  readonly orc?: Hl7Segment;
  readonly segments: Hl7Segment[];
}

/** Splits the body into ORC-led order groups; segments before the first ORC form a group without ORC. */
function orderGroups(message: Hl7Message): OrderGroup[] {
  const groups: OrderGroup[] = [];
  let current: OrderGroup | undefined;
  for (const s of message.segments) {
    if (s.id === 'ORC') {
      current = { orc: s, segments: [] };
      groups.push(current);
    } else if (current) {
      current.segments.push(s);
    } else if (['RXE', 'RXD', 'RXO'].includes(s.id)) {
      current = { segments: [s] };
      groups.push(current);
    }
  }
  return groups;
}

function quantity(
  value: string | undefined,
  unitSegment: Hl7Segment | undefined,
  unitField: number,
): Quantity | undefined {
  const n = numberOrUndefined(value);
  if (n === undefined) return undefined;
  const unit = unitSegment?.field(unitField)[0];
  return { value: n, unit: comp(unit, 2) ?? comp(unit, 1) };
}

/** RXD-4 is required: a dispense without an amount cannot drive supply follow-up. */
function dispensedQuantity(rxd: Hl7Segment | undefined): Quantity {
  const raw = rxd?.get('4');
  if (raw === undefined) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, 'RXD-4 actual dispense amount is empty', {
      segment: 'RXD',
      field: 4,
    });
  }
  const qty = quantity(raw, rxd, 5);
  if (!qty || qty.value === 0) {
    throw new Hl7RejectionError(
      Hl7RejectionCode.INVALID_VALUE,
      'RXD-4 actual dispense amount is not a non-zero number',
      { segment: 'RXD', field: 4 },
    );
  }
  return qty;
}

/** Sig text: explicit instructions first, then a dose/frequency/duration rebuilt from RXE and TQ1. */
function sigFrom(rxe: Hl7Segment | undefined, tq1: Hl7Segment | undefined, explicit?: string): string | undefined {
  const instructions = explicit ?? rxe?.get('7.2') ?? rxe?.get('7.1');
  if (instructions) return instructions;
  const dose = [rxe?.get('3'), rxe?.get('5.2') ?? rxe?.get('5.1')].filter(Boolean).join(' ');
  // TQ1-3 is RPT whose first component is a CWE: code&text&system; prefer the text ("1日3回朝昼夕食後").
  const pattern = tq1?.get('3.1.2') ?? tq1?.get('3.1.1') ?? rxe?.get('1.2.1');
  const duration = tq1?.get('6.1') ? `${tq1.get('6.1')} ${tq1.get('6.2') ?? ''}`.trim() : undefined;
  const text = [dose, pattern, duration ? `x ${duration}` : ''].filter(Boolean).join(' ');
  // RXE-21 holds the pharmacy's dispensing notes (SS-MIX2 puts the prescription kind there): last resort.
  return text || rxe?.get('21.2') || rxe?.get('21.1');
}

/** TQ1-6 service duration in days (units d/D/day/日). */
function daysSupply(tq1: Hl7Segment | undefined): number | undefined {
  const value = numberOrUndefined(tq1?.get('6.1'));
  const unit = tq1?.get('6.2')?.toLowerCase();
  return value !== undefined && unit && ['d', 'day', 'days', '日'].includes(unit) ? value : undefined;
}

function isCancellation(orc: Hl7Segment | undefined): boolean {
  return CANCELLING_CONTROLS.has(orc?.get('1')?.toUpperCase() ?? '') || orc?.get('5')?.toUpperCase() === 'CA';
}

function prescriptionId(
  orc: Hl7Segment | undefined,
  rx: Hl7Segment | undefined,
  rxNumberField: number,
): string | undefined {
  return orc?.get('2.1') ?? orc?.get('3.1') ?? rx?.get(String(rxNumberField));
}

function requireDrug(data: MedicationData, segment: string, field: number): MedicationData {
  if (!data.drug.code && !data.drug.display) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_FIELD, `${segment}-${field} holds no drug code`, {
      segment,
      field,
    });
  }
  return data;
}

/** RDE^O11: one prescription fact per RXE, used later to estimate supply. */
export function mapPharmacyOrder(ctx: MappingContext): NormalisedEvent[] {
  const patient = patientFromPid(ctx.message.first('PID'));
  const groups = orderGroups(ctx.message).filter((g) => g.segments.some((s) => s.id === 'RXE'));
  if (groups.length === 0) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'RXE segment is missing', {
      segment: 'RXE',
    });
  }
  return groups.map((g) => {
    const rxe = g.segments.find((s) => s.id === 'RXE');
    const tq1 = g.segments.find((s) => s.id === 'TQ1');
    const data = requireDrug(
      {
        prescriptionId: prescriptionId(g.orc, rxe, 15),
        drug: coded(rxe, 2) ?? {},
        quantity: quantity(rxe?.get('10'), rxe, 11),
        sig: sigFrom(rxe, tq1),
        daysSupply: daysSupply(tq1),
        prescribedAt: ctx.toIso(g.orc?.get('9.1')) ?? ctx.toIso(tq1?.get('7.1')),
        prescriber: staffRef(g.orc, 12),
        reason: isCancellation(g.orc) ? 'cancelled' : undefined,
      },
      'RXE',
      2,
    );
    return normalisedEvent('revisit.clinical.medication-prescribed.v1', {
      source: ctx.source,
      occurredAt: data.prescribedAt ?? ctx.occurredAt,
      patient,
      data,
    });
  });
}

/** RDS^O13: one dispense per RXD; a cancelling ORC or a negative quantity is a reversal (退药). */
export function mapPharmacyDispense(ctx: MappingContext): NormalisedEvent[] {
  const patient = patientFromPid(ctx.message.first('PID'));
  const groups = orderGroups(ctx.message).filter((g) => g.segments.some((s) => s.id === 'RXD'));
  if (groups.length === 0) {
    throw new Hl7RejectionError(Hl7RejectionCode.MISSING_REQUIRED_SEGMENT, 'RXD segment is missing', {
      segment: 'RXD',
    });
  }
  // FT1 is not part of the standard RDS structure, yet HIS put the dispense's charge lines there: those in an
  // order group belong to it; a message with a single dispense owns every FT1 it carries.
  const chargeOf = (g: OrderGroup) =>
    sumCharges(
      (groups.length === 1 ? ctx.message.all('FT1') : g.segments.filter((s) => s.id === 'FT1')).map(ft1Charge),
    );
  return groups.map((g) => {
    const rxd = g.segments.find((s) => s.id === 'RXD');
    const rxe = g.segments.find((s) => s.id === 'RXE');
    const tq1 = g.segments.find((s) => s.id === 'TQ1');
    const qty = dispensedQuantity(rxd);
    const reversed = isCancellation(g.orc) || qty.value < 0;
    const rxNumber = prescriptionId(g.orc, rxd, 7);
    const data = requireDrug(
      {
        dispenseId: [g.orc?.get('3.1') ?? rxd?.get('7'), rxd?.get('1')].filter(Boolean).join('-') || undefined,
        prescriptionId: rxNumber,
        drug: coded(rxd, 2) ?? {},
        quantity: { ...qty, value: Math.abs(qty.value) },
        sig: sigFrom(rxe, tq1, rxd?.get('15.2') ?? rxd?.get('15.1')),
        daysSupply: daysSupply(tq1),
        dispensedAt: ctx.toIso(rxd?.get('3.1')),
        dispenser: staffRef(rxd, 10),
        prescriber: staffRef(g.orc, 12),
        reason: reversed ? (g.orc?.get('16.2') ?? g.orc?.get('16.1') ?? 'cancelled') : undefined,
        charge: chargeOf(g),
      },
      'RXD',
      2,
    );
    return normalisedEvent(
      reversed ? 'revisit.clinical.medication-dispense-reversed.v1' : 'revisit.clinical.medication-dispensed.v1',
      {
        source: ctx.source,
        occurredAt: data.dispensedAt ?? ctx.occurredAt,
        patient,
        data,
      },
    );
  });
}
