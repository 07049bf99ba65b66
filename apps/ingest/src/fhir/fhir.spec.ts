import { buildCapabilityStatement } from './capability-statement';
import { FhirRejectionCode } from './fhir.errors';
import { buildOperationOutcome } from './operation-outcome';
import { parseFhirJson } from './use-cases/parse-fhir-json';

const patient = {
  resourceType: 'Patient',
  identifier: [
    { system: 'urn:oid:1.2.156.112604.1.2.1', type: { coding: [{ code: 'MR' }] }, value: 'MRN-1' },
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI' }] },
      value: '310104195807210049',
    },
  ],
  name: [{ text: '李秀英' }, { family: 'Li', given: ['Xiuying'] }],
  gender: 'female',
  birthDate: '1958-07-21',
  telecom: [{ system: 'phone', value: '+86 136 8765 4321', use: 'mobile' }],
};

const transaction = {
  resourceType: 'Bundle',
  type: 'transaction',
  meta: { source: 'his.example.cn' },
  entry: [
    {
      fullUrl: 'urn:uuid:1e1e1e1e-0000-4000-8000-000000000001',
      resource: patient,
      request: { method: 'POST', url: 'Patient' },
    },
    {
      fullUrl: 'urn:uuid:1e1e1e1e-0000-4000-8000-000000000002',
      resource: {
        resourceType: 'MedicationDispense',
        id: 'md-1',
        status: 'completed',
        medicationCodeableConcept: { coding: [{ system: 'urn:cn:drug', code: '86900345', display: '二甲双胍缓释片' }] },
        subject: { reference: 'urn:uuid:1e1e1e1e-0000-4000-8000-000000000001' },
        quantity: { value: 3, unit: '盒' },
        daysSupply: { value: 30, unit: 'day' },
        whenHandedOver: '2024-03-01T10:02:00+08:00',
        dosageInstruction: [{ text: '每日2次，每次1片' }],
      },
      request: { method: 'POST', url: 'MedicationDispense' },
    },
    { resource: { resourceType: 'Observation', status: 'final' }, request: { method: 'POST', url: 'Observation' } },
    { request: { method: 'DELETE', url: 'Patient/9' } },
  ],
};

describe('parseFhirJson', () => {
  it('maps a transaction Bundle, resolving the subject to the Patient in the same Bundle', () => {
    const results = parseFhirJson(JSON.stringify(transaction));
    expect(results.map((r) => (r.accepted ? r.events.map((e) => e.type) : r.rejection.code))).toEqual([
      ['revisit.source.patient-registered.v1'],
      ['revisit.clinical.medication-dispensed.v1'],
      FhirRejectionCode.UNSUPPORTED_METHOD,
    ]);
    const dispense = results[1]!.accepted ? results[1]!.events[0]! : undefined;
    expect(dispense?.source).toEqual({ format: 'fhir-r4', system: 'his.example.cn', messageId: 'md-1' });
    expect(dispense?.patient.identifiers).toEqual([
      { value: 'MRN-1', system: 'urn:oid:1.2.156.112604.1.2.1', type: 'MR' },
      { value: '310104195807210049', system: undefined, type: 'NI' },
    ]);
    expect(dispense?.patient.names.map((n) => [n.text, n.script, n.pinyin])).toEqual([
      ['李秀英', 'ideographic', 'li xiu ying'],
      ['Xiuying Li', 'alphabetic', undefined],
    ]);
    expect(dispense?.patient.phones).toEqual([{ value: '+8613687654321', use: 'mobile' }]);
    expect(dispense?.data).toMatchObject({
      drug: { code: '86900345' },
      quantity: { value: 3, unit: '盒' },
      daysSupply: 30,
      sig: '每日2次，每次1片',
    });
  });

  it('puts the price of the ChargeItems that reference a dispense on it, in fen', () => {
    const chargeItem = (service: string, value: number, extra: Record<string, unknown> = {}) => ({
      resource: {
        resourceType: 'ChargeItem',
        status: 'billed',
        subject: { reference: 'urn:uuid:1e1e1e1e-0000-4000-8000-000000000001' },
        service: [{ reference: service }],
        priceOverride: { value, currency: 'CNY' },
        ...extra,
      },
      request: { method: 'POST', url: 'ChargeItem' },
    });
    const charged = (...items: unknown[]) => {
      const [, dispense] = parseFhirJson(JSON.stringify({ ...transaction, entry: [...transaction.entry, ...items] }));
      return dispense!.accepted ? (dispense!.events[0]!.data as { charge?: unknown }).charge : 'rejected';
    };
    expect(charged(chargeItem('urn:uuid:1e1e1e1e-0000-4000-8000-000000000002', 86.4))).toEqual({
      amountMinor: 8640,
      currency: 'CNY',
    });
    expect(
      charged(
        chargeItem('MedicationDispense/md-1', 80),
        chargeItem('urn:uuid:1e1e1e1e-0000-4000-8000-000000000002', 6.4),
      ),
    ).toEqual({ amountMinor: 8640, currency: 'CNY' });
    expect(charged(chargeItem('MedicationDispense/md-1', 80, { status: 'entered-in-error' }))).toBeUndefined();
    expect(charged(chargeItem('MedicationDispense/other', 80))).toBeUndefined();
    expect(charged()).toBeUndefined();
  });

  it('reads NDJSON (bulk export) one resource per line', () => {
    const ndjson = [
      JSON.stringify(patient),
      '{broken',
      JSON.stringify({ resourceType: 'Procedure', status: 'not-done' }),
    ].join('\n');
    expect(parseFhirJson(ndjson).map((r) => [r.index, r.accepted ? r.events[0]!.type : r.rejection.code])).toEqual([
      [0, 'revisit.source.patient-registered.v1'],
      [1, FhirRejectionCode.INVALID_JSON],
      [2, FhirRejectionCode.STATUS_NOT_ACTIONABLE],
    ]);
  });

  it('keeps a subject known only by reference as a source-scoped local id', () => {
    const [result] = parseFhirJson(
      JSON.stringify({
        resourceType: 'Procedure',
        id: 'p1',
        status: 'completed',
        code: { text: '拔牙' },
        subject: { reference: 'Patient/42' },
        performedDateTime: '2024-03-02T09:00:00+08:00',
      }),
      { sourceSystem: 'dental-pms' },
    );
    expect(result!.accepted && result!.events[0]!.patient.identifiers).toEqual([
      { value: '42', system: 'dental-pms/Patient', type: 'PI' },
    ]);
  });

  it('returns coded rejections with an OperationOutcome', () => {
    const [bad] = parseFhirJson('{not json');
    expect(!bad!.accepted && bad!.outcome.issue[0]).toMatchObject({ severity: 'fatal', code: 'structure' });
    const [unsupported] = parseFhirJson(JSON.stringify({ resourceType: 'Observation' }));
    expect(!unsupported!.accepted && unsupported!.rejection.code).toBe(FhirRejectionCode.UNSUPPORTED_RESOURCE_TYPE);
    const [searchset] = parseFhirJson(JSON.stringify({ resourceType: 'Bundle', type: 'searchset' }));
    expect(!searchset!.accepted && searchset!.rejection.code).toBe(FhirRejectionCode.UNSUPPORTED_BUNDLE_TYPE);
    const negative = {
      ...transaction.entry[1]!.resource,
      subject: { reference: 'Patient/1' },
      quantity: { value: -3, unit: '盒' },
    };
    const [invalidQuantity] = parseFhirJson(JSON.stringify(negative));
    expect(!invalidQuantity!.accepted && invalidQuantity!.rejection).toEqual({
      code: FhirRejectionCode.INVALID_VALUE,
      message: 'Quantity must be positive',
      expression: 'MedicationDispense.quantity',
    });
    const badId = { ...patient, identifier: [{ type: { coding: [{ code: 'NI' }] }, value: '310104195807210048' }] };
    const [invalid] = parseFhirJson(JSON.stringify(badId));
    expect(!invalid!.accepted && invalid!.rejection.code).toBe(FhirRejectionCode.INVALID_IDENTIFIER);
    expect(JSON.stringify(invalid)).not.toContain('310104195807210048');
  });
});

describe('FHIR edge builders', () => {
  it('builds an OperationOutcome with severity, code, diagnostics and expression', () => {
    expect(
      buildOperationOutcome([
        {
          code: FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
          message: 'Procedure has no code',
          expression: 'Procedure.code',
        },
      ]),
    ).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'required',
          details: { coding: [{ system: 'urn:revisit:ingest:fhir-rejection-code', code: 'MISSING_REQUIRED_ELEMENT' }] },
          diagnostics: 'Procedure has no code',
          expression: ['Procedure.code'],
        },
      ],
    });
  });

  it('lists every accepted resource type in the CapabilityStatement', () => {
    const statement = buildCapabilityStatement({
      baseUrl: 'https://ingest.example/fhir/r4',
      softwareVersion: '0.1.0',
      releaseDate: '2024-03-01',
    });
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    const rest = (statement['rest'] as Array<{ resource: Array<{ type: string }> }>)[0]!;
    expect(rest.resource.map((r) => r.type)).toEqual([
      'Patient',
      'Encounter',
      'Procedure',
      'MedicationRequest',
      'MedicationDispense',
      'Appointment',
    ]);
  });
});
