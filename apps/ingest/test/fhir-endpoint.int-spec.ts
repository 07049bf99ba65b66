import { type DataSource } from 'typeorm';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';

jest.setTimeout(90_000);

// Synthetic resources (no real patient). Identifiers are unique per run so reruns are not duplicates.
const RUN = `${process.pid}${Date.now()}`;
const MRN_SYSTEM = 'urn:oid:1.2.156.999.1';
const patient = (mrn: string, system = MRN_SYSTEM): Record<string, unknown> => ({
  resourceType: 'Patient',
  identifier: [{ system, type: { coding: [{ code: 'MR' }] }, value: mrn }],
  name: [{ text: '李秀英' }],
  gender: 'female',
  birthDate: '1958-07-21',
});
const dispense = (id: string, subject: string, status = 'completed'): Record<string, unknown> => ({
  resourceType: 'MedicationDispense',
  id,
  status,
  medicationCodeableConcept: { coding: [{ system: 'urn:cn:drug', code: '86900345', display: '二甲双胍缓释片' }] },
  subject: { reference: subject },
  quantity: { value: 3, unit: '盒' },
  whenHandedOver: '2024-03-01T10:02:00+08:00',
});
const bundle = (type: 'transaction' | 'batch', mrn: string, dispenses: Record<string, unknown>[]) => ({
  resourceType: 'Bundle',
  type,
  entry: [
    { fullUrl: `urn:uuid:p-${mrn}`, resource: patient(mrn), request: { method: 'POST', url: 'Patient' } },
    ...dispenses.map((resource) => ({ resource, request: { method: 'POST', url: 'MedicationDispense' } })),
  ],
});

describe('FHIR R4 endpoint /fhir/r4', () => {
  let ingest: IngestUnderTest;
  let db: DataSource;
  let source: { id: string; apiKey: string };
  let other: { id: string; apiKey: string };

  beforeAll(async () => {
    ingest = await startIngest();
    db = ingest.db;
    source = await registerSource(ingest, { id: 'fhir-his', identifierSystems: [MRN_SYSTEM] });
    other = await registerSource(ingest, { id: 'fhir-other', identifierSystems: ['urn:oid:1.2.156.999.2'] });
  });

  afterAll(async () => {
    await ingest?.service.app.close();
  });

  /** `key` null sends no credential at all. */
  const post = (path: string, body: unknown, key: string | null = source.apiKey, type = 'application/fhir+json') =>
    fetch(`${ingest.url}/fhir/r4${path}`, {
      method: 'POST',
      headers: { 'Content-Type': type, ...(key ? { Authorization: `ApiKey ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rowsFor = async (fragment: string): Promise<{ status: string; events: number | null }[]> =>
    db.query(
      `SELECT status, jsonb_array_length(normalised_events) AS events FROM ingest.raw_message
        WHERE format = 'fhir-r4' AND position($1 in convert_from(bytes, 'UTF8')) > 0 ORDER BY received_at`,
      [fragment],
    );

  it('serves its CapabilityStatement as application/fhir+json', async () => {
    const response = await fetch(`${ingest.url}/fhir/r4/metadata`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const statement = (await response.json()) as {
      resourceType: string;
      fhirVersion: string;
      rest: { resource: { type: string }[] }[];
    };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.rest[0]!.resource.map((r) => r.type)).toEqual(
      expect.arrayContaining([
        'Patient',
        'MedicationRequest',
        'MedicationDispense',
        'Encounter',
        'Procedure',
        'Appointment',
      ]),
    );
  });

  it('creates a single resource once: 201 with an ETag, an identical resend 200 with the same ETag', async () => {
    const body = patient(`MRN-S-${RUN}`);
    const first = await post('/Patient', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{32}"$/);
    const second = await post('/Patient', body);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe(etag);
    expect(await rowsFor(`MRN-S-${RUN}`)).toEqual([
      { status: 'accepted', events: 1 },
      { status: 'duplicate', events: null },
    ]);
  });

  it('answers a transaction Bundle with a transaction-response, all entries created', async () => {
    const mrn = `MRN-T-${RUN}`;
    const response = await post('', bundle('transaction', mrn, [dispense(`md-${RUN}`, `urn:uuid:p-${mrn}`)]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; entry: { response: { status: string; etag?: string } }[] };
    expect(body.type).toBe('transaction-response');
    expect(body.entry.map((e) => e.response.status)).toEqual(['201 Created', '201 Created']);
    expect(await rowsFor(mrn)).toEqual([{ status: 'accepted', events: 2 }]);
  });

  it('refuses a whole transaction when one entry is invalid, with an OperationOutcome pointing at it', async () => {
    const mrn = `MRN-TX-${RUN}`;
    const broken = { ...dispense(`md-x-${RUN}`, `urn:uuid:p-${mrn}`), medicationCodeableConcept: undefined };
    const response = await post('', bundle('transaction', mrn, [broken]));
    expect(response.status).toBe(422);
    const outcome = (await response.json()) as { resourceType: string; issue: { expression?: string[] }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]!.expression?.[0]).toMatch(/^Bundle\.entry\[1\]/);
    expect(await rowsFor(mrn)).toEqual([{ status: 'rejected', events: null }]);
    const [quarantined] = await db.query(
      `SELECT q.code FROM ingest.quarantine q JOIN ingest.raw_message r ON r.id = q.raw_message_id
        WHERE r.format = 'fhir-r4' AND position($1 in convert_from(r.bytes, 'UTF8')) > 0`,
      [mrn],
    );
    expect(quarantined).toEqual({ code: 'MISSING_REQUIRED_ELEMENT' });
  });

  it('answers a batch entry by entry, keeping the good ones and quarantining the bad one', async () => {
    const mrn = `MRN-B-${RUN}`;
    const bad = { ...dispense(`md-b2-${RUN}`, `urn:uuid:p-${mrn}`), medicationCodeableConcept: undefined };
    const response = await post('', bundle('batch', mrn, [dispense(`md-b1-${RUN}`, `urn:uuid:p-${mrn}`), bad]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; entry: { response: { status: string } }[] };
    expect(body.type).toBe('batch-response');
    expect(body.entry.map((e) => e.response.status)).toEqual([
      '201 Created',
      '201 Created',
      '422 Unprocessable Entity',
    ]);
    // The stored batch holds the bad entry's bytes too; the entry alone is what was quarantined.
    expect(await rowsFor(`md-b2-${RUN}`)).toEqual([
      { status: 'accepted', events: 2 },
      { status: 'rejected', events: null },
    ]);
  });

  it('refuses what is not FHIR JSON or does not match the URL', async () => {
    expect((await post('/Patient', patient(`MRN-X-${RUN}`), source.apiKey, 'text/plain')).status).toBe(415);
    expect((await post('/Patient', dispense('x', 'Patient/1'))).status).toBe(422);
    expect((await post('', patient(`MRN-Y-${RUN}`))).status).toBe(400);
    expect((await post('/Observation', { resourceType: 'Observation' })).status).toBe(404);
    expect((await post('/Patient', '{not json')).status).toBe(400);
  });

  describe('credentials', () => {
    it.each([
      ['missing', null],
      ['invalid', 'rvk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      ['malformed', 'not-a-key'],
    ])('refuses a %s API key with 401 OperationOutcome', async (_, key) => {
      const response = await post('/Patient', patient(`MRN-C-${RUN}`), key);
      expect(response.status).toBe(401);
      const outcome = (await response.json()) as { resourceType: string; issue: { code: string }[] };
      expect(outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] });
      expect(await rowsFor(`MRN-C-${RUN}`)).toEqual([]);
    });

    it("refuses another source's identifier system with 403, and a key of a disabled source with 401", async () => {
      const response = await post('/Patient', patient(`MRN-W-${RUN}`), other.apiKey);
      expect(response.status).toBe(403);
      const outcome = (await response.json()) as { issue: { code: string; details: { coding: { code: string }[] } }[] };
      expect(outcome.issue[0]).toMatchObject({
        code: 'forbidden',
        details: { coding: [{ code: 'IDENTIFIER_SYSTEM_NOT_ALLOWED' }] },
      });
      expect(await rowsFor(`MRN-W-${RUN}`)).toEqual([{ status: 'rejected', events: null }]);

      await releaseSource(ingest, other.id);
      // The verification cache holds a key for a minute; a key never seen before is checked at once.
      const fresh = await registerSource(ingest, { id: 'fhir-gone', identifierSystems: [MRN_SYSTEM] });
      await releaseSource(ingest, fresh.id);
      expect((await post('/Patient', patient(`MRN-G-${RUN}`), fresh.apiKey)).status).toBe(401);
    });
  });
});
