import { type PatientEvent } from '../derivation/patient-event';
import { triggerEventIdFor, triggerEventIds } from './trigger-event-ids';

const dispense = (id: string, dispenseId: string, at: string): PatientEvent => ({
  id,
  type: 'medication-dispensed',
  patientId: 'P1',
  occurredAt: at,
  dispenseId,
  drug: { code: 'd' },
  quantity: { value: 1, unit: 'box' },
});

describe('trigger event ids', () => {
  it('names the earliest event about a record, whatever the order the events came in', () => {
    const later = dispense('0195-b', 'erp:D1', '2026-03-05T10:00:00+08:00');
    const first = dispense('0195-c', 'erp:D1', '2026-03-01T10:00:00+08:00');
    const ids = triggerEventIds([later, first]);
    expect(ids.get('MedicationDispense/erp:D1')).toBe('0195-c');
    expect(triggerEventIds([first, later])).toEqual(ids);
  });

  it('drops the suffix of a fact derived from a larger envelope', () => {
    const ids = triggerEventIds([{ ...dispense('0195-a#deceased', 'erp:D2', '2026-03-01T10:00:00+08:00') }]);
    expect(ids.get('MedicationDispense/erp:D2')).toBe('0195-a');
  });

  it('matches a key extending a record key, else falls back to the handled event', () => {
    const ids = new Map([
      ['Patient/P1', 'e-1'],
      ['Patient/P1/birthday', 'e-2'],
    ]);
    expect(triggerEventIdFor(ids, 'Patient/P1/birthday/2027', 'fallback')).toBe('e-2');
    expect(triggerEventIdFor(ids, 'Patient/P1', 'fallback')).toBe('e-1');
    expect(triggerEventIdFor(ids, 'Appointment/A1', 'fallback')).toBe('fallback');
  });

  it('a once-per-patient trigger is named by its event, so it needs no lookup', () => {
    expect(triggerEventIdFor(new Map(), 'Event/0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', 'fallback')).toBe(
      '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    );
  });
});
