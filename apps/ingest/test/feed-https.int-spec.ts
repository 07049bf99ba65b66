import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';
import { segmentFields } from './support/mllp-client';

jest.setTimeout(120_000);

// Synthetic messages and resources (no real patient); ids unique per run.
const RUN = `${process.pid}${Date.now()}`;
const tls = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'tls', name), 'utf8');
const fingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;
const MRN_SYSTEM = 'urn:oid:1.2.156.999.71';
const adt = (controlId: string, authority = 'HTTPS-HOSP'): string =>
  [
    `MSH|^~\\&|HIS|HTTPS-HOSP|REVISIT|FU|20240301081500||ADT^A28^ADT_A05|${controlId}|P|2.5||||||UNICODE UTF-8`,
    'EVN|A28|20240301081500',
    `PID|1||M-0001^^^${authority}^MR||测试^患者^^^^^L||19650312|M`,
  ].join('\r');
const patient = (mrn: string, system = MRN_SYSTEM) => ({
  resourceType: 'Patient',
  identifier: [{ system, type: { coding: [{ code: 'MR' }] }, value: mrn }],
  name: [{ text: '李秀英' }],
  gender: 'female',
  birthDate: '1958-07-21',
});

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

/** One HTTPS request trusting the test CA, with the named client certificate or none. */
function send(
  url: string,
  path: string,
  body: { type: string; text: string },
  client?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        ca: tls('ca.pem'),
        servername: 'localhost',
        ...(client ? { key: tls(`${client}.key`), cert: tls(`${client}.pem`) } : {}),
        headers: { 'content-type': body.type, ...headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: response.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body.text);
  });
}
const hl7 = (text: string) => ({ type: 'x-application/hl7-v2+er7', text });
const fhir = (resource: unknown) => ({ type: 'application/fhir+json', text: JSON.stringify(resource) });

describe('HTTP and FHIR feeds over HTTPS with client certificates', () => {
  let ingest: IngestUnderTest;
  let his: { id: string; apiKey: string };

  beforeAll(async () => {
    ingest = await startIngest({
      HTTP_TLS_KEY: tls('server.key'),
      HTTP_TLS_CERT: tls('server.pem'),
      HTTP_TLS_CA: tls('ca.pem'),
    });
    his = await registerSource(ingest, {
      id: 'https-his',
      identifierSystems: ['HTTPS-HOSP', MRN_SYSTEM],
      certFingerprints: [fingerprint(tls('his.pem'))],
    });
  });

  afterAll(async () => {
    if (his) await releaseSource(ingest, his.id);
    await ingest?.service.app.close();
  });

  const stored = async (controlId: string): Promise<string[]> =>
    (
      (await ingest.db.query(`SELECT status FROM ingest.raw_message WHERE control_id = $1`, [controlId])) as {
        status: string;
      }[]
    ).map((r) => r.status);

  it('serves HTTPS and takes HL7 v2 from a source by its client certificate', async () => {
    expect(ingest.url).toMatch(/^https:/);
    const answer = await send(ingest.url, '/v1/hl7v2', hl7(adt(`S-OK-${RUN}`)), 'his');
    expect(answer.status).toBe(200);
    expect(segmentFields(answer.body, 'MSA').slice(1, 3)).toEqual(['AA', `S-OK-${RUN}`]);
    expect(await stored(`S-OK-${RUN}`)).toEqual(['accepted']);
  });

  it("answers AR when the certificate's source writes another source's assigning authority", async () => {
    const answer = await send(ingest.url, '/v1/hl7v2', hl7(adt(`S-WRONG-${RUN}`, 'OTHER-HOSP')), 'his');
    expect(segmentFields(answer.body, 'MSA').slice(1, 3)).toEqual(['AR', `S-WRONG-${RUN}`]);
    expect(segmentFields(answer.body, 'ERR')[5]).toMatch(/^IDENTIFIER_SYSTEM_NOT_ALLOWED/);
  });

  it.each([
    ['no certificate', undefined, 'sources.credentials-missing'],
    ['a CA-signed certificate no source lists', 'other', 'sources.credentials-invalid'],
    ['a certificate the CA did not sign', 'rogue', 'sources.credentials-invalid'],
  ])('refuses HL7 v2 with %s: 401 problem+json, nothing stored', async (label, client, code) => {
    const controlId = `S-${label.replace(/\W/g, '')}-${RUN}`;
    const answer = await send(ingest.url, '/v1/hl7v2', hl7(adt(controlId)), client);
    expect(answer.status).toBe(401);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 401, code });
    expect(await stored(controlId)).toEqual([]);
  });

  it('takes FHIR from the certificate, refuses another identifier system with 403 and strangers with 401', async () => {
    expect((await send(ingest.url, '/fhir/r4/Patient', fhir(patient(`MRN-S-${RUN}`)), 'his')).status).toBe(201);
    const wrong = await send(
      ingest.url,
      '/fhir/r4/Patient',
      fhir(patient(`MRN-SW-${RUN}`, 'urn:oid:1.2.156.999.72')),
      'his',
    );
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'forbidden', details: { coding: [{ code: 'IDENTIFIER_SYSTEM_NOT_ALLOWED' }] } }],
    });
    for (const client of [undefined, 'other', 'rogue']) {
      const refused = await send(ingest.url, '/fhir/r4/Patient', fhir(patient(`MRN-SX-${RUN}`)), client);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ resourceType: 'OperationOutcome' });
    }
  });

  it('still takes an API key over HTTPS without a certificate', async () => {
    const answer = await send(ingest.url, '/v1/hl7v2', hl7(adt(`S-KEY-${RUN}`)), undefined, {
      authorization: `ApiKey ${his.apiKey}`,
    });
    expect(segmentFields(answer.body, 'MSA')[1]).toBe('AA');
  });
});
