import { validateEvent, newEvent, type EventType } from '@revisit/domain';
import { normalisedEvent, type PatientSnapshot } from '../../normalise/normalised-event';
import { CatalogueGap, toCatalogueEvent } from './clinical-catalogue-mapper';

const patient: PatientSnapshot = {
  enterpriseId: null,
  identifiers: [{ value: 'M-1', system: 'HOSP-A', type: 'MR' }],
  names: [],
  phones: [],
  addresses: [],
};
const source = { format: 'hl7v2' as const, system: 'HIS@HOSP-A', messageId: 'MSG-9' };
const ctx = {
  orgId: 'org-test',
  enterpriseId: 'EP0000000042',
  key: { sourceSystem: 'HIS@HOSP-A', localId: 'M-1' },
  receivedAt: '2026-03-01T10:00:00.000+08:00',
};

/** The mapped payload must pass the catalogue schema with the enterprise id as subject. */
function publishable(mapping: ReturnType<typeof toCatalogueEvent>): void {
  if (!mapping.ok) throw new Error(`not mapped: ${mapping.reason}`);
  const envelope = newEvent(mapping.type as EventType, {
    source: 'revisit/ingest',
    orgid: ctx.orgId,
    subject: ctx.enterpriseId,
    data: mapping.data as never,
  });
  const result = validateEvent(envelope);
  expect(result.ok ? [] : result.errors).toEqual([]);
}

describe('toCatalogueEvent (normalised clinical facts -> catalogue events keyed by the enterprise id)', () => {
  it('maps a dispense with the enterprise patient, the source record and a unitless quantity as a count', () => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispensed.v1', {
        source,
        patient,
        data: {
          dispenseId: 'D-1',
          drug: { code: '86900123', display: '缬沙坦胶囊 80mg' },
          quantity: { value: 2 },
          sig: '每日1次',
          dispensedAt: '2026-03-01T09:30:00+08:00',
        },
      }),
      ctx,
    );
    expect(mapping).toMatchObject({
      ok: true,
      type: 'revisit.clinical.medication-dispensed.v1',
      data: {
        patient: { enterpriseId: 'EP0000000042', sourceSystem: 'HIS@HOSP-A', localId: 'M-1' },
        orgId: 'org-test',
        quantity: { value: 2, unit: '1' },
        drug: { code: '86900123', name: '缬沙坦胶囊 80mg', system: 'urn:revisit:HIS@HOSP-A:drug' },
      },
    });
    publishable(mapping);
  });

  it('gives a dispense the ATC classes its codings carry, so plans keyed on drug classes see it', () => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispensed.v1', {
        source,
        patient,
        data: {
          dispenseId: 'D-ATC',
          // RXD-2 as a Chinese HIS sends it: local code first, the ATC code in the alternate components.
          drug: {
            code: 'YP0081',
            display: '苯磺酸氨氯地平片',
            system: 'L',
            alternates: [{ code: 'c08ca01', display: 'amlodipine', system: 'WC' }],
          },
          quantity: { value: 28, unit: '片' },
          dispensedAt: '2026-03-01T09:30:00+08:00',
        },
      }),
      ctx,
    );
    expect(mapping).toMatchObject({
      ok: true,
      data: { drug: { code: 'YP0081', classCodes: [{ system: 'ATC', code: 'C08CA01', display: 'amlodipine' }] } },
    });
    publishable(mapping);
    const sku = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispensed.v1', {
        source,
        patient,
        data: {
          dispenseId: 'D-SKU',
          drug: { code: '6901234567892', system: 'urn:erp:sku' },
          quantity: { value: 1 },
          dispensedAt: '2026-03-01T09:30:00+08:00',
        },
      }),
      ctx,
    );
    expect(sku).toMatchObject({ ok: true, data: { drug: { classCodes: [] } } });
  });

  it.each([
    [
      'a stated category coding',
      { code: 'D-77', display: '治疗' },
      { code: 'dental-implant', system: 'https://revisit.dev/fhir/CodeSystem/procedure-category' },
      'dental-implant',
    ],
    ['the wording of the procedure', { code: 'D-12', display: '下颌阻生齿拔除术' }, undefined, 'dental-extraction'],
    ['the wording of the category text', { code: 'D-13' }, { display: '根管充填' }, 'dental-root-canal-filling'],
    ['nothing recognisable', { code: 'LAB-1', display: '血常规' }, undefined, 'other'],
  ] as const)('gives a procedure its follow-up category from %s', (_case, procedure, category, expected) => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.clinical.procedure-performed.v1', {
        source,
        patient,
        data: {
          procedureId: `P-${expected}`,
          procedure,
          ...(category ? { category } : {}),
          performer: 'doc-0021',
          department: 'stomatology',
          performedAt: '2026-03-01T10:00:00+08:00',
        },
      }),
      ctx,
    );
    expect(mapping).toMatchObject({ ok: true, data: { category: expected } });
    publishable(mapping);
  });

  it('carries the charge of a dispense and of a treatment when the feed stated it', () => {
    const charge = { amountMinor: 12800, currency: 'CNY' };
    const dispense = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispensed.v1', {
        source,
        patient,
        data: {
          dispenseId: 'D-2',
          drug: { code: '86900123' },
          quantity: { value: 1 },
          dispensedAt: '2026-03-01T09:30:00+08:00',
          charge,
        },
      }),
      ctx,
    );
    const treatment = toCatalogueEvent(
      normalisedEvent('revisit.clinical.procedure-performed.v1', {
        source,
        patient,
        data: {
          procedureId: 'P-1',
          procedure: { code: 'D0101', display: '洁治' },
          performedAt: '2026-03-01T09:30:00+08:00',
          performer: 'D07',
          department: 'DENT',
          charge,
        },
      }),
      ctx,
    );
    expect([dispense, treatment]).toEqual([
      expect.objectContaining({ ok: true, data: expect.objectContaining({ charge }) }),
      expect.objectContaining({ ok: true, data: expect.objectContaining({ charge }) }),
    ]);
    publishable(dispense);
    publishable(treatment);
  });

  it('maps a return line to a partial reversal, a cancelled order to a full one', () => {
    const base = { dispenseId: 'D-1', drug: { code: 'X' }, quantity: { value: -1, unit: 'box' } };
    const returned = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispense-reversed.v1', {
        source,
        patient,
        occurredAt: '2026-03-02T09:00:00+08:00',
        data: { ...base, reason: 'returned' },
      }),
      ctx,
    );
    expect(returned).toMatchObject({
      ok: true,
      data: { quantityReturned: { value: 1, unit: 'box' }, fullReversal: false, reason: 'patient-returned' },
    });
    publishable(returned);
    const cancelled = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispense-reversed.v1', {
        source,
        patient,
        occurredAt: '2026-03-02T09:00:00+08:00',
        data: { ...base, reason: 'cancelled' },
      }),
      ctx,
    );
    expect(cancelled).toMatchObject({ ok: true, data: { fullReversal: true, reason: 'other' } });
  });

  it('keeps an encounter start with ICD-10 diagnoses and drops codes that are not ICD-10', () => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.clinical.encounter-started.v1', {
        source,
        patient,
        data: {
          encounterId: 'V-1',
          class: 'outpatient',
          department: 'CARD',
          startedAt: '2026-03-01T08:10:00+08:00',
          diagnoses: [
            { code: 'I10', system: 'ICD-10' },
            { code: 'LOCAL-7', system: 'HIS' },
          ],
        },
      }),
      ctx,
    );
    expect(mapping).toMatchObject({
      ok: true,
      data: { diagnoses: [{ system: 'ICD-10', code: 'I10', role: 'primary' }] },
    });
    publishable(mapping);
  });

  it('reports a gap, never an invented value, when a required contract field is missing', () => {
    const noAttending = toCatalogueEvent(
      normalisedEvent('revisit.clinical.encounter-discharged.v1', {
        source,
        patient,
        data: {
          encounterId: 'V-1',
          class: 'inpatient',
          department: 'CARD',
          startedAt: '2026-03-01T08:10:00+08:00',
          endedAt: '2026-03-05T10:00:00+08:00',
          diagnoses: [{ code: 'I10', system: 'ICD-10' }],
        },
      }),
      ctx,
    );
    expect(noAttending).toEqual({ ok: false, reason: CatalogueGap.MissingId });
    const noTime = toCatalogueEvent(
      normalisedEvent('revisit.clinical.medication-dispensed.v1', {
        source,
        patient,
        data: { dispenseId: 'D-2', drug: { code: 'X' }, quantity: { value: 1 } },
      }),
      ctx,
    );
    expect(noTime).toEqual({ ok: false, reason: CatalogueGap.MissingTime });
  });

  it('keeps ingest-only facts inside ingest', () => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.clinical.encounter-transferred.v1', { source, patient, data: { diagnoses: [] } }),
      ctx,
    );
    expect(mapping).toEqual({ ok: false, reason: CatalogueGap.IngestOnly });
  });

  it('derives an appointment end from its duration, in the start’s own offset', () => {
    const mapping = toCatalogueEvent(
      normalisedEvent('revisit.appointment.booked.v1', {
        source,
        patient,
        occurredAt: '2026-02-20T15:00:00+08:00',
        data: {
          appointmentId: 'APT-1',
          start: '2026-03-09T10:00:00+08:00',
          durationMinutes: 30,
          department: 'ORTHO',
          serviceType: { code: 'ORTHO-ADJ', display: '正畸复诊调整' },
        },
      }),
      ctx,
    );
    expect(mapping).toMatchObject({
      ok: true,
      data: { end: '2026-03-09T10:30:00+08:00', bookedAt: '2026-02-20T15:00:00+08:00' },
    });
    publishable(mapping);
  });
});
