import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@revisit/testing';
import { MllpTestClient, segmentFields } from './support/mllp-client';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';

jest.setTimeout(120_000);

// Synthetic messages (no real patient); control ids unique per run.
const RUN = `${process.pid}${Date.now()}`;
const tls = (name: string): string => readFileSync(join(__dirname, 'fixtures', 'tls', name), 'utf8');
const fingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;
const adt = (controlId: string, authority = 'SEC-HOSP'): string =>
  [
    `MSH|^~\\&|HIS|SEC-HOSP|REVISIT|FU|20240301081500||ADT^A28^ADT_A05|${controlId}|P|2.5||||||UNICODE UTF-8`,
    'EVN|A28|20240301081500',
    `PID|1||M-0001^^^${authority}^MR||测试^患者^^^^^L||19650312|M`,
  ].join('\r');

describe('feed security: every feed authenticated, sources bound to their identifier systems', () => {
  let ingest: IngestUnderTest;
  let plain: IngestUnderTest;
  let his: { id: string; apiKey: string };
  let other: { id: string; apiKey: string };

  beforeAll(async () => {
    ingest = await startIngest({
      MLLP_TLS_KEY: tls('server.key'),
      MLLP_TLS_CERT: tls('server.pem'),
      MLLP_TLS_CA: tls('ca.pem'),
    });
    plain = await startIngest();
    his = await registerSource(ingest, {
      id: 'sec-his',
      identifierSystems: ['SEC-HOSP'],
      certFingerprints: [fingerprint(tls('his.pem'))],
    });
    other = await registerSource(ingest, { id: 'sec-other', identifierSystems: ['OTHER-HOSP'] });
  });

  afterAll(async () => {
    await releaseSource(ingest, his.id);
    await releaseSource(ingest, other.id);
    await ingest?.service.app.close();
    await plain?.service.app.close();
  });

  const stored = async (controlId: string): Promise<string[]> =>
    (
      (await ingest.db.query(`SELECT status FROM ingest.raw_message WHERE control_id = $1`, [controlId])) as {
        status: string;
      }[]
    ).map((r) => r.status);

  describe('POST /v1/hl7v2', () => {
    const post = (message: string, headers: Record<string, string>) =>
      fetch(`${ingest.url}/v1/hl7v2`, {
        method: 'POST',
        headers: { 'Content-Type': 'x-application/hl7-v2+er7', ...headers },
        body: message,
      });

    it.each([
      ['missing', {}, 'sources.credentials-missing'],
      [
        'invalid',
        { 'X-Api-Key': 'rvk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
        'sources.credentials-invalid',
      ],
      ['wrongly formatted', { Authorization: `Bearer ${'x'.repeat(20)}` }, 'sources.credentials-missing'],
    ])('refuses %s credentials with 401 problem+json and stores nothing', async (label, headers, code) => {
      const controlId = `H-${label.replace(/\s/g, '')}-${RUN}`;
      const response = await post(adt(controlId), headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 401, code });
      expect(await stored(controlId)).toEqual([]);
    });

    it("answers AR with ERR when a source writes another source's assigning authority", async () => {
      const response = await post(adt(`H-WRONG-${RUN}`), { Authorization: `ApiKey ${other.apiKey}` });
      expect(response.status).toBe(200);
      const ack = await response.text();
      expect(segmentFields(ack, 'MSA').slice(1, 3)).toEqual(['AR', `H-WRONG-${RUN}`]);
      expect(segmentFields(ack, 'ERR')[5]).toMatch(/^IDENTIFIER_SYSTEM_NOT_ALLOWED/);
      expect(await stored(`H-WRONG-${RUN}`)).toEqual(['rejected']);
      const ok = await post(adt(`H-OK-${RUN}`), { Authorization: `ApiKey ${his.apiKey}` });
      expect(segmentFields(await ok.text(), 'MSA')[1]).toBe('AA');
    });
  });

  describe('MLLP over TLS with client certificates', () => {
    const open = (name: string) =>
      MllpTestClient.open(ingest.mllpPort, {
        ca: tls('ca.pem'),
        key: tls(`${name}.key`),
        cert: tls(`${name}.pem`),
        servername: 'localhost',
      });

    it('accepts a bound client certificate and refuses its writing another assigning authority', async () => {
      const client = await open('his');
      client.send(adt(`T-OK-${RUN}`));
      client.send(adt(`T-WRONG-${RUN}`, 'OTHER-HOSP'));
      const [ok, wrong] = (await client.waitForFrames(2)).map((f) => f.toString('utf8'));
      client.close();
      expect(segmentFields(ok!, 'MSA').slice(1, 3)).toEqual(['AA', `T-OK-${RUN}`]);
      expect(segmentFields(wrong!, 'MSA').slice(1, 3)).toEqual(['AR', `T-WRONG-${RUN}`]);
      expect(segmentFields(wrong!, 'ERR')[5]).toMatch(/^IDENTIFIER_SYSTEM_NOT_ALLOWED/);
    });

    it('answers AR to a valid certificate no source is bound to, storing nothing', async () => {
      const client = await open('other');
      client.send(adt(`T-UNBOUND-${RUN}`));
      const [answer] = await client.waitForFrames(1);
      client.close();
      expect(segmentFields(answer!.toString('utf8'), 'MSA')[1]).toBe('AR');
      expect(segmentFields(answer!.toString('utf8'), 'ERR')[5]).toMatch(/^SOURCE_NOT_AUTHENTICATED/);
      expect(await stored(`T-UNBOUND-${RUN}`)).toEqual([]);
    });

    it('refuses the handshake without a certificate or with one the CA did not sign', async () => {
      for (const options of [
        { ca: tls('ca.pem'), servername: 'localhost' },
        { ca: tls('ca.pem'), key: tls('rogue.key'), cert: tls('rogue.pem'), servername: 'localhost' },
      ]) {
        const client = await MllpTestClient.open(ingest.mllpPort, options).catch(() => undefined);
        if (client) {
          // TLS 1.3 reports the client certificate failure after the handshake: the server closes at once.
          client.send(adt(`T-NOCERT-${RUN}`));
          await eventually(() => expect(client.closed).toBe(true));
          expect(client.frames).toEqual([]);
        }
      }
      expect(await stored(`T-NOCERT-${RUN}`)).toEqual([]);
    });
  });

  it('answers AR on plain MLLP from a peer address no source lists, storing nothing', async () => {
    const client = await MllpTestClient.open(plain.mllpPort);
    client.send(adt(`P-UNKNOWN-${RUN}`));
    const [answer] = await client.waitForFrames(1);
    client.close();
    expect(segmentFields(answer!.toString('utf8'), 'MSA').slice(1, 3)).toEqual(['AR', `P-UNKNOWN-${RUN}`]);
    expect(segmentFields(answer!.toString('utf8'), 'ERR')[5]).toMatch(/^SOURCE_NOT_AUTHENTICATED/);
    expect(await stored(`P-UNKNOWN-${RUN}`)).toEqual([]);
  });
});
