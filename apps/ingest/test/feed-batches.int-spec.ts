import 'reflect-metadata';
import * as iconv from 'iconv-lite';
import { type DataSource } from 'typeorm';
import { decodeIso2022Jp } from '../src/hl7v2/encoding/iso-2022-jp';
import { encodeIso2022Jp } from '../src/hl7v2/encoding/iso-2022-jp-encoder';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';
import { MllpTestClient, segmentFields, segmentsNamed } from './support/mllp-client';

jest.setTimeout(90_000);

// Synthetic messages (no real patient); control ids unique per run so reruns are not duplicates.
const RUN = `${process.pid}${Date.now()}`;
const adt = (controlId: string, charset = 'UNICODE UTF-8', facility = 'TEST-HOSP'): string =>
  [
    `MSH|^~\\&|HIS|${facility}|REVISIT|FU|20240301081500||ADT^A28^ADT_A05|${controlId}|P|2.5||||||${charset}`,
    'EVN|A28|20240301081500',
    'PID|1||M-0001^^^TEST-HOSP^MR||测试^患者^^^^^L||19650312|M',
  ].join('\r');
const oru = (controlId: string): string =>
  `MSH|^~\\&|HIS|TEST-HOSP|REVISIT|FU|20240301081500||ORU^R01^ORU_R01|${controlId}|P|2.5\rPID|1||M-1^^^TEST-HOSP^MR`;

describe('ingest feed edge: batches, body limit and ACK charsets', () => {
  let ingest: IngestUnderTest;
  let service: { url: string };
  let mllpPort: number;
  let db: DataSource;
  let source: { id: string; apiKey: string };

  beforeAll(async () => {
    ingest = await startIngest();
    ({ service, mllpPort, db } = ingest);
    source = await registerSource(ingest, {
      id: 'batch-his',
      identifierSystems: ['TEST-HOSP'],
      mllpPeerAddresses: ['127.0.0.1'],
    });
  });

  afterAll(async () => {
    if (source) await releaseSource(ingest, source.id);
    await ingest?.service.app.close();
  });

  const statuses = async (ids: string[]): Promise<Record<string, string>> => {
    const rows: { control_id: string; status: string }[] = await db.query(
      `SELECT control_id, status FROM ingest.raw_message WHERE control_id = ANY($1)`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.control_id, r.status]));
  };

  // Split on "|", index n is field n+1 (BHS-1 is the separator itself), so BHS-12 is index 11.
  it('processes every message of an FHS/BHS batch in one MLLP frame and answers with a batch ACK', async () => {
    const ids = [`B1-${RUN}`, `B2-${RUN}`, `B3-${RUN}`];
    const batch = [
      `FHS|^~\\&|HIS|TEST-HOSP|REVISIT|FU|20240301081500||||F-${RUN}`,
      `BHS|^~\\&|HIS|TEST-HOSP|REVISIT|FU|20240301081500||||BH-${RUN}`,
      adt(ids[0]!),
      oru(ids[1]!),
      adt(ids[2]!),
      'BTS|3',
      'FTS|1',
    ].join('\r');
    const client = await MllpTestClient.open(mllpPort);
    client.send(batch);
    const [answer] = await client.waitForFrames(1);
    client.close();

    const text = answer!.toString('utf8');
    expect(segmentFields(text, 'BHS')[11]).toBe(`BH-${RUN}`);
    expect(segmentFields(text, 'FHS')[11]).toBe(`F-${RUN}`);
    expect(segmentsNamed(text, 'MSA').map((msa) => msa.slice(1, 3))).toEqual([
      ['AA', ids[0]],
      ['AR', ids[1]],
      ['AA', ids[2]],
    ]);
    expect(segmentFields(text, 'BTS')[1]).toBe('3');
    expect(await statuses(ids)).toEqual({ [ids[0]!]: 'accepted', [ids[1]!]: 'rejected', [ids[2]!]: 'accepted' });
  });

  it('processes several messages in one HTTP body, each once, and a resent batch as duplicates', async () => {
    const ids = [`H1-${RUN}`, `H2-${RUN}`];
    const body = `${adt(ids[0]!)}\r${adt(ids[1]!)}\r`;
    const post = async (): Promise<string> => {
      const response = await fetch(`${service.url}/v1/hl7v2`, {
        method: 'POST',
        headers: { 'Content-Type': 'x-application/hl7-v2+er7', 'X-Api-Key': source.apiKey },
        body,
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const first = await post();
    expect(segmentsNamed(first, 'MSA').map((m) => m[2])).toEqual(ids);
    await post();
    const rows: { control_id: string; status: string }[] = await db.query(
      `SELECT control_id, status FROM ingest.raw_message WHERE control_id = ANY($1) ORDER BY control_id, status`,
      [ids],
    );
    expect(rows).toEqual([
      { control_id: ids[0], status: 'accepted' },
      { control_id: ids[0], status: 'duplicate' },
      { control_id: ids[1], status: 'accepted' },
      { control_id: ids[1], status: 'duplicate' },
    ]);
  });

  it('refuses a body over 16 MiB with 413 problem+json and stores nothing', async () => {
    const huge = Buffer.alloc(16 * 1024 * 1024 + 10, 0x41);
    Buffer.from(adt(`BIG-${RUN}`)).copy(huge);
    const response = await fetch(`${service.url}/v1/hl7v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'x-application/hl7-v2+er7', 'X-Api-Key': source.apiKey },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 413, code: 'feed.payload-too-large' });
    expect(await statuses([`BIG-${RUN}`])).toEqual({});
  });

  it('answers an SS-MIX2 ISO-2022-JP message with an ISO-2022-JP ACK', async () => {
    const message = adt(`JP-${RUN}`, 'ISO IR87', '東京病院').replace('测试^患者', '山田^太郎');
    const client = await MllpTestClient.open(mllpPort);
    client.send(encodeIso2022Jp(message));
    const [answer] = await client.waitForFrames(1);
    client.close();

    expect(answer!.every((b) => b < 0x80)).toBe(true);
    const ack = decodeIso2022Jp(answer!);
    expect(segmentFields(ack, 'MSH')[5]).toBe('東京病院');
    expect(segmentFields(ack, 'MSA').slice(1, 3)).toEqual(['AA', `JP-${RUN}`]);
  });

  it('answers a GB 18030 batch message by message in GB 18030', async () => {
    const ids = [`G1-${RUN}`, `G2-${RUN}`];
    const batch = [
      'BHS|^~\\&|HIS|仁济医院',
      adt(ids[0]!, 'GB 18030-2000', '仁济医院'),
      adt(ids[1]!, 'GB 18030-2000', '仁济医院'),
      'BTS|2',
    ];
    const client = await MllpTestClient.open(mllpPort);
    client.send(iconv.encode(batch.join('\r'), 'gb18030'));
    const [answer] = await client.waitForFrames(1);
    client.close();
    const ack = iconv.decode(answer!, 'gb18030');
    expect(segmentsNamed(ack, 'MSH').map((msh) => msh[5])).toEqual(['仁济医院', '仁济医院']);
    expect(segmentsNamed(ack, 'MSA').map((m) => m.slice(1, 3))).toEqual([
      ['AA', ids[0]],
      ['AA', ids[1]],
    ]);
  });
});
