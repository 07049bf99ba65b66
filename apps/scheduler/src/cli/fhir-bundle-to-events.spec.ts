import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleToEvents } from './fhir-bundle-to-events';
import { type Bundle, type FhirResource } from './fhir-types';

const EXAMPLES = path.resolve(__dirname, '../../../../test/fixtures/plans/fhir-r4-spec-examples');
const example = (name: string): FhirResource =>
  JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as FhirResource;
const bundleOf = (...resources: FhirResource[]): Bundle => ({
  resourceType: 'Bundle',
  entry: resources.map((resource) => ({ resource })),
});

describe('FHIR Bundle -> patient events (preview mapping)', () => {
  it('maps a completed MedicationDispense with its contained Medication and sig text', () => {
    const { events } = bundleToEvents(bundleOf(example('medicationdispense0304.json')), '2020-01-01T00:00:00Z');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'medication-dispensed',
        patientId: 'pat1',
        occurredAt: '2015-06-26T07:13:00+05:00',
        dispenseId: 'meddisp0304',
        drug: { code: '0206-8862-02', name: 'Zosyn (piperacillin/tazobactam) 4.5gm injection' },
        quantity: { value: 250, unit: 'mL' },
        daysSupply: 1,
        sig: expect.stringContaining('IV every 6 hours'),
      }),
    ]);
  });

  it('turns an entered-in-error dispense into a dispense plus its reversal, so its tasks cancel', () => {
    const { events } = bundleToEvents(bundleOf(example('medicationdispense0305.json')), '2020-01-01T00:00:00Z');
    expect(events.map((event) => event.type)).toEqual(['medication-dispensed', 'medication-dispense-reversed']);
  });

  it('registers the Chinese example patient with the birth date only (no name, no identifiers)', () => {
    const { events } = bundleToEvents(bundleOf(example('patient-example-chinese.json')), '2020-01-01T00:00:00Z');
    expect(events).toEqual([
      {
        id: 'Patient/ch-example#registered',
        type: 'patient-registered',
        patientId: 'ch-example',
        occurredAt: '2016-05-16T00:55:52Z',
        birthDate: '1974-12-25',
      },
    ]);
  });

  it('maps a booked Appointment to its patient participant with the creation time as booking time', () => {
    const { events } = bundleToEvents(bundleOf(example('appointment-example.json')), '2020-01-01T00:00:00Z');
    expect(events).toEqual([
      {
        id: 'Appointment/example#booked',
        type: 'appointment-booked',
        patientId: 'example',
        occurredAt: '2013-10-10',
        appointmentId: 'example',
        start: '2013-12-10T09:00:00Z',
      },
    ]);
  });

  it('maps a structured dosage (timing + dose) into a sig the supply calculator reads', () => {
    const dispense: FhirResource = {
      resourceType: 'MedicationDispense',
      id: 'd1',
      status: 'completed',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A10BA02' }] },
      quantity: { value: 60, unit: 'tab' },
      whenHandedOver: '2026-03-02T09:00:00+08:00',
      dosageInstruction: [
        {
          timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h' } },
          doseAndRate: [{ doseQuantity: { value: 1, unit: 'tab' } }],
        },
      ],
    };
    const { events } = bundleToEvents(bundleOf(dispense), '2026-03-01T00:00:00Z');
    expect(events[0]).toEqual(
      expect.objectContaining({ sig: '每12小时1次 每次1tab', drug: { code: 'A10BA02', atc: 'A10BA02' } }),
    );
  });
});
