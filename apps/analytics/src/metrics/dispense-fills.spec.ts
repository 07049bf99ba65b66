import {
  MEDICATION_DISPENSED_V1,
  MEDICATION_DISPENSE_REVERSED_V1,
  type MedicationDispenseReversedV1,
  type MedicationDispensedV1,
} from '@revisit/domain';
import { fillsFromDispenses } from './dispense-fills';
import { proportionOfDaysCovered } from './proportion-of-days-covered';

const BASE = MEDICATION_DISPENSED_V1.example;

function dispense(
  id: string,
  dispensedAt: string,
  daysSupply: number | undefined,
  patient = 'EP00012345',
): MedicationDispensedV1 {
  const { daysSupply: _ignored, ...rest } = BASE;
  return {
    ...rest,
    ...(daysSupply === undefined ? {} : { daysSupply }),
    dispenseId: id,
    dispensedAt,
    patient: { ...BASE.patient, enterpriseId: patient },
  };
}

function reversal(dispenseId: string, boxes: number, full: boolean): MedicationDispenseReversedV1 {
  return {
    ...MEDICATION_DISPENSE_REVERSED_V1.example,
    dispenseId,
    quantityReturned: { value: boxes, unit: 'box' },
    fullReversal: full,
  };
}

const CLASS_SYSTEM = 'urn:revisit:drug-class';

describe('fillsFromDispenses', () => {
  it('builds per patient and class fills, dating each dispense in Asia/Shanghai and applying returns', () => {
    // Patient EP00012345, valsartan (class `hypertension`, 2 boxes of 28 per dispense):
    //  SO-1 2026-01-10T23:30+08:00, 56 days -> local date 2026-01-10.
    //  SO-2 2026-01-31T17:00:00Z = 2026-02-01 01:00 +08:00 -> local date 2026-02-01; 56 days, 1 of 2 boxes
    //       returned -> 56 - 56 * 1/2 = 28 days.
    //  SO-3 2026-03-01, 56 days, fully reversed -> dropped.
    //  SO-4 2026-03-05 with no stated days supply and no resolver -> counted in withoutDaysSupply.
    // Patient EP00099999: SO-5 2026-02-15, 30 days.
    const result = fillsFromDispenses(
      [
        dispense('SO-1', '2026-01-10T23:30:00+08:00', 56),
        dispense('SO-2', '2026-01-31T17:00:00Z', 56),
        dispense('SO-3', '2026-03-01T10:00:00+08:00', 56),
        dispense('SO-4', '2026-03-05T10:00:00+08:00', undefined),
        dispense('SO-5', '2026-02-15T10:00:00+08:00', 30, 'EP00099999'),
      ],
      [reversal('SO-2', 1, false), reversal('SO-3', 2, true)],
      { classSystem: CLASS_SYSTEM },
    );
    expect(result.withoutDaysSupply).toBe(1);
    expect(result.groups).toEqual([
      {
        patientId: 'EP00012345',
        drugClass: 'hypertension',
        fills: [
          { dispensedOn: '2026-01-10', daysSupply: 56 },
          { dispensedOn: '2026-02-01', daysSupply: 28 },
        ],
      },
      { patientId: 'EP00099999', drugClass: 'hypertension', fills: [{ dispensedOn: '2026-02-15', daysSupply: 30 }] },
    ]);

    // PDC for Q1 2026 from this history: window 2026-01-10..03-31 = 22 + 28 + 31 = 81 days.
    // SO-1 covers Jan 10 .. Mar 6 (56 days); SO-2 (28 days) shifted to Mar 7 .. Apr 3, clipped to Mar 7..31 = 25.
    // Covered 56 + 25 = 81 -> PDC 1. Extending the period to April shows the return shortened SO-2:
    const first = result.groups[0];
    expect(proportionOfDaysCovered({ start: '2026-01-01', end: '2026-03-31' }, first.fills)).toEqual({
      pdc: 1,
      coveredDays: 81,
      windowDays: 81,
    });
    // Through 2026-04-30: window 81 + 30 = 111 days; covered 56 + 28 = 84 -> 84 / 111.
    expect(proportionOfDaysCovered({ start: '2026-01-01', end: '2026-04-30' }, first.fills).pdc).toBe(84 / 111);
  });

  it('uses the injected days-supply calculation when the sender stated none, and skips other class systems', () => {
    const result = fillsFromDispenses([dispense('SO-9', '2026-03-05T10:00:00+08:00', undefined)], [], {
      classSystem: CLASS_SYSTEM,
      daysSupplyOf: () => 56,
    });
    expect(result.groups[0].fills).toEqual([{ dispensedOn: '2026-03-05', daysSupply: 56 }]);
    expect(
      fillsFromDispenses([dispense('SO-9', '2026-03-05T10:00:00+08:00', 56)], [], { classSystem: 'none' }).groups,
    ).toEqual([]);
  });

  it('groups by ATC code when asked', () => {
    const result = fillsFromDispenses([dispense('SO-1', '2026-01-10T10:00:00+08:00', 56)], [], { classSystem: 'ATC' });
    expect(result.groups.map((group) => group.drugClass)).toEqual(['C09CA03']);
  });
});
