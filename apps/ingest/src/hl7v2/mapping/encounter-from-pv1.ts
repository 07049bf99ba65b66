import { type MappingContext } from './mapping-context';
import { type CodedValue, type EncounterData } from '../../normalise/normalised-event';
import { coded, staffRef } from './hl7-values';

function encounterClass(code: string | undefined): EncounterData['class'] {
  switch (code?.toUpperCase()) {
    case 'I':
    case 'P':
      return 'inpatient';
    case 'O':
    case 'R':
      return 'outpatient';
    case 'E':
      return 'emergency';
    case undefined:
      return undefined;
    default:
      return 'other';
  }
}

/** PV1 (+ DG1) to encounter facts; a message without PV1 yields an encounter without visit details. */
export function encounterFromPv1(ctx: MappingContext): EncounterData {
  const message = ctx.message;
  const pv1 = message.first('PV1');
  const diagnoses = message
    .all('DG1')
    .map((dg1) => coded(dg1, 3))
    .filter((c): c is CodedValue => c !== undefined);
  return {
    encounterId: pv1?.get('19.1') ?? message.get('PID-18.1'),
    class: encounterClass(pv1?.get('2')),
    department: pv1?.get('10') ?? pv1?.get('3.1') ?? pv1?.get('3.4'),
    attendingDoctor: staffRef(pv1, 7),
    startedAt: ctx.toIso(pv1?.get('44.1')),
    endedAt: ctx.toIso(pv1?.get('45.1')),
    diagnoses,
  };
}
