import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { type Hl7Segment } from '../parse/hl7-message';
import { type NormalisedEvent, normalisedEvent, type ProcedureData } from '../../normalise/normalised-event';
import { encounterFromPv1 } from './encounter-from-pv1';
import { ft1Charge } from './ft1-charge';
import { coded, staffRef } from './hl7-values';
import { type MappingContext } from './mapping-context';
import { patientFromPid } from './patient-from-pid';

function fromPr1(ctx: MappingContext, pr1: Hl7Segment, encounterId: string | undefined): ProcedureData | undefined {
  const procedure = coded(pr1, 3) ?? (pr1.get('4') ? { display: pr1.get('4') } : undefined);
  if (!procedure) return undefined;
  return {
    procedureId: pr1.get('19.1'),
    procedure,
    performedAt: ctx.toIso(pr1.get('5.1')),
    performer: staffRef(pr1, 12) ?? staffRef(pr1, 11),
    encounterId,
  };
}

/**
 * Many HIS send treatments only as charges: an FT1 of type CG (charge) with a procedure code (FT1-25)
 * or a transaction code (FT1-7) is the record that the treatment was performed.
 */
function fromFt1(ctx: MappingContext, ft1: Hl7Segment, encounterId: string | undefined): ProcedureData | undefined {
  const type = ft1.get('6')?.toUpperCase();
  if (type !== undefined && type !== 'CG') return undefined;
  const procedure = coded(ft1, 25) ?? coded(ft1, 7);
  if (!procedure) return undefined;
  return {
    procedureId: ft1.get('2') ?? ft1.get('3'),
    procedure,
    performedAt: ctx.toIso(ft1.get('4.1')),
    performer: staffRef(ft1, 20) ?? staffRef(ft1, 21),
    department: ft1.get('13.1') ?? ft1.get('16.1'),
    encounterId,
    charge: ft1Charge(ft1),
  };
}

/** DFT^P03: procedure-performed per PR1, or per charged FT1 when the sender has no PR1. */
export function mapFinancial(ctx: MappingContext): NormalisedEvent[] {
  const patient = patientFromPid(ctx.message.first('PID'));
  const visit = encounterFromPv1(ctx);
  const pr1s = ctx.message.all('PR1');
  const procedures = (
    pr1s.length > 0
      ? pr1s.map((s) => fromPr1(ctx, s, visit.encounterId))
      : ctx.message.all('FT1').map((s) => fromFt1(ctx, s, visit.encounterId))
  ).filter((p): p is ProcedureData => p !== undefined);
  if (procedures.length === 0) {
    throw new Hl7RejectionError(
      Hl7RejectionCode.MISSING_REQUIRED_SEGMENT,
      'No PR1 procedure or charged FT1 with a procedure code',
      {
        segment: pr1s.length > 0 ? 'PR1' : 'FT1',
      },
    );
  }
  return procedures.map((data) =>
    normalisedEvent('revisit.clinical.procedure-performed.v1', {
      source: ctx.source,
      occurredAt: data.performedAt ?? ctx.occurredAt,
      patient,
      data: { ...data, department: data.department ?? visit.department },
    }),
  );
}
