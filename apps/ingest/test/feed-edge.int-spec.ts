import 'reflect-metadata';
import * as iconv from 'iconv-lite';
import { connect, type Socket } from 'node:net';
import { type DataSource } from 'typeorm';
import { decodeMllpFrames, encodeMllpFrame } from '../src/hl7v2/framing/mllp';
import { FakeOidcIssuer } from './support/fake-oidc-issuer';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';

jest.setTimeout(90_000);

// Synthetic messages written for this test (no real patient). Control ids are unique per run so reruns
// against the same database do not read as duplicates.
const RUN = `${process.pid}${Date.now()}`;
function adtA01(controlId: string, idCard?: string): string {
  const ids = ['M-0001^^^TEST-HOSP^MR', ...(idCard ? [`${idCard}^^^CHN^NI`] : [])].join('~');
  return [
    `MSH|^~\\&|HIS|TEST-HOSP|REVISIT|FU|20240301081500||ADT^A01^ADT_A01|${controlId}|P|2.5||||||UNICODE UTF-8`,
    'EVN|A01|20240301081500',
    `PID|1||${ids}||测试^患者^^^^^L||19650312|M`,
    'PV1|1|O|CARD^^^TEST-HOSP||||D001|||CARD|||||||||V0001|||||||||||||||||||||||||20240301081000',
  ].join('\r');
}
const unsupported = (controlId: string): string =>
  `MSH|^~\\&|HIS|TEST-HOSP|REVISIT|FU|20240301081500||ORU^R01^ORU_R01|${controlId}|P|2.5\rPID|1||M-0001^^^TEST-HOSP^MR`;

function segment(ack: string, name: string): string[] {
  const line = ack.split('\r').find((s) => s.startsWith(`${name}|`));
  return line ? line.split('|') : [];
}

class MllpClient {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly acks: string[] = [];
  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      const { frames, remainder } = decodeMllpFrames(Buffer.concat([this.buffer, chunk]));
      this.buffer = remainder;
      for (const frame of frames) this.acks.push(frame.toString('utf8'));
    });
  }
  static open(port: number): Promise<MllpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new MllpClient(socket)));
      socket.once('error', reject);
    });
  }
  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }
  async waitForAcks(count: number, timeoutMs = 20_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.acks.length < count) {
      if (Date.now() > deadline) throw new Error(`got ${this.acks.length} of ${count} ACKs`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.acks.slice(0, count);
  }
  close(): void {
    this.socket.end();
  }
}

describe('ingest feed edge (HL7 v2 over MLLP and HTTP)', () => {
  let ingest: IngestUnderTest;
  let service: { url: string };
  let mllpPort: number;
  let db: DataSource;
  let issuer: FakeOidcIssuer;
  let source: { id: string; apiKey: string };

  beforeAll(async () => {
    issuer = await FakeOidcIssuer.start();
    ingest = await startIngest({ STAFF_OIDC_ISSUER_URL: issuer.issuer });
    ({ service, mllpPort, db } = ingest);
    source = await registerSource(ingest, {
      id: 'edge-his',
      identifierSystems: ['TEST-HOSP', 'CHN'],
      mllpPeerAddresses: ['127.0.0.1'],
    });
    apiKey = source.apiKey;
  });

  afterAll(async () => {
    if (source) await releaseSource(ingest, source.id);
    await ingest?.service.app.close();
    await issuer?.close();
  });

  it('answers one ACK per frame, in order, with AA / AE / AR and the right MSA and ERR', async () => {
    const client = await MllpClient.open(mllpPort);
    const frames = [adtA01(`OK-${RUN}`), adtA01(`BADID-${RUN}`, '110105196503120022'), unsupported(`ORU-${RUN}`)].map(
      (m) => encodeMllpFrame(Buffer.from(m, 'utf8')),
    );
    // One write holding a truncated frame first: the decoder drops it, the three whole frames still answer.
    client.write(Buffer.concat([Buffer.from('\x0bMSH|^~\\&|TRUNCATED', 'latin1'), ...frames]));
    const [aa, ae, ar] = await client.waitForAcks(3);
    client.close();

    expect(segment(aa!, 'MSA').slice(1, 3)).toEqual(['AA', `OK-${RUN}`]);
    expect(segment(aa!, 'ERR')).toEqual([]);
    expect(segment(ae!, 'MSA').slice(1, 3)).toEqual(['AE', `BADID-${RUN}`]);
    expect(segment(ae!, 'ERR')[3]).toMatch(/^204\b/);
    expect(ae).not.toContain('110105196503120022');
    expect(segment(ar!, 'MSA').slice(1, 3)).toEqual(['AR', `ORU-${RUN}`]);
    expect(segment(ar!, 'ERR')[3]).toMatch(/^200\b/);

    const rows: { control_id: string; status: string; rejection_code: string | null; quarantined: boolean }[] =
      await db.query(
        `SELECT r.control_id, r.status, r.rejection_code, q.id IS NOT NULL AS quarantined
           FROM ingest.raw_message r LEFT JOIN ingest.quarantine q ON q.raw_message_id = r.id
          WHERE r.control_id = ANY($1) ORDER BY r.received_at`,
        [[`OK-${RUN}`, `BADID-${RUN}`, `ORU-${RUN}`]],
      );
    expect(rows).toEqual([
      { control_id: `OK-${RUN}`, status: 'accepted', rejection_code: null, quarantined: false },
      { control_id: `BADID-${RUN}`, status: 'rejected', rejection_code: 'INVALID_IDENTIFIER', quarantined: true },
      { control_id: `ORU-${RUN}`, status: 'rejected', rejection_code: 'UNSUPPORTED_MESSAGE_TYPE', quarantined: true },
    ]);
  });

  it('answers a resent control id with the original ACK and records it as a duplicate', async () => {
    const message = adtA01(`DUP-${RUN}`);
    const first = await postHl7(service.url, message);
    const second = await postHl7(service.url, message);
    expect(second).toBe(first);
    expect(segment(first, 'MSA')[1]).toBe('AA');

    const rows: { status: string; duplicate_of: string | null; events: number | null }[] = await db.query(
      `SELECT status, duplicate_of, jsonb_array_length(normalised_events) AS events
         FROM ingest.raw_message WHERE control_id = $1 ORDER BY received_at`,
      [`DUP-${RUN}`],
    );
    expect(rows.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(rows[0]!.events).toBeGreaterThan(0);
    expect(rows[1]!.events).toBeNull();
    expect(rows[1]!.duplicate_of).not.toBeNull();
  });

  it('answers over HTTP in the charset of the message', async () => {
    const message = adtA01(`GB-${RUN}`)
      .replace('|HIS|TEST-HOSP|', '|HIS|仁济医院|')
      .replace('UNICODE UTF-8', 'GB 18030-2000');
    const response = await fetch(`${service.url}/v1/hl7v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `ApiKey ${apiKey}` },
      body: iconv.encode(message, 'gb18030'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('x-application/hl7-v2+er7; charset=gb18030');
    const ack = iconv.decode(Buffer.from(await response.arrayBuffer()), 'gb18030');
    expect(segment(ack, 'MSH')[5]).toBe('仁济医院');
    expect(segment(ack, 'MSA').slice(1, 3)).toEqual(['AA', `GB-${RUN}`]);
  });

  it('lists quarantined messages by code and replays them through the current parser', async () => {
    // As if an older parser had rejected a message the current one accepts: the fix is what replay is for.
    const rawId = '01900000-0000-7000-8000-' + String(Date.now()).padStart(12, '0').slice(-12);
    const quarantineId = '01900000-0000-7000-9000-' + String(Date.now()).padStart(12, '0').slice(-12);
    await db.query(
      `INSERT INTO ingest.raw_message
         (id, channel, sender, control_id, bytes, status, rejection_code, ack_code, ack, source_id)
       VALUES ($1, 'mllp', 'HIS@TEST-HOSP', $2, $3, 'rejected', 'UNSUPPORTED_MESSAGE_TYPE', 'AR', 'MSH|old ACK', $4)`,
      [rawId, `FIXED-${RUN}`, Buffer.from(adtA01(`FIXED-${RUN}`), 'utf8'), source.id],
    );
    await db.query(
      `INSERT INTO ingest.quarantine (id, raw_message_id, code, reason) VALUES ($1, $2, 'UNSUPPORTED_MESSAGE_TYPE', 'old')`,
      [quarantineId, rawId],
    );
    const stillBad = `STILL-${RUN}`;
    await postHl7(service.url, unsupported(stillBad));

    const agent = await issuer.token({ sub: 'staff-agent', roles: ['agent'] });
    const supervisor = await issuer.token({ sub: 'staff-007', roles: ['supervisor'] });
    const listed = await getQuarantine(service.url, '?code=UNSUPPORTED_MESSAGE_TYPE', agent);
    expect(listed.map((e) => e.id)).toContain(quarantineId);
    expect(listed.every((e) => e.code === 'UNSUPPORTED_MESSAGE_TYPE')).toBe(true);
    expect((await fetch(`${service.url}/v1/quarantine?code=NOPE`, { headers: bearer(agent) })).status).toBe(400);

    const replayAs = (token: string | undefined, id = quarantineId): Promise<Response> =>
      fetch(`${service.url}/v1/quarantine/${id}/replay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) },
        body: JSON.stringify({ reason: 'ORU mapping fixed in 0.2' }),
      });
    expect((await replayAs(undefined)).status).toBe(401);
    expect((await replayAs(agent)).status).toBe(403);
    expect((await replayAs(await issuer.signWithUnpublishedKey({ sub: 'x', roles: ['admin'] }))).status).toBe(401);
    expect((await replayAs(await issuer.token({ sub: 'x', roles: ['admin'] }, { audience: 'other' }))).status).toBe(
      401,
    );
    const replay = await replayAs(supervisor);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: 'accepted', ackCode: 'AA' });
    const again = await replayAs(supervisor);
    expect(again.status).toBe(409);
    expect((await getQuarantine(service.url, '?code=UNSUPPORTED_MESSAGE_TYPE', agent)).map((e) => e.id)).not.toContain(
      quarantineId,
    );
    const [entry] = await db.query(
      `SELECT replayed_by, replay_reason, replayed_at IS NOT NULL AS dated FROM ingest.quarantine WHERE id = $1`,
      [quarantineId],
    );
    expect(entry).toEqual({ replayed_by: 'staff-007', replay_reason: 'ORU mapping fixed in 0.2', dated: true });

    // A message the current parser still rejects is quarantined again under a new entry.
    const [stillBadRow] = await db.query(
      `SELECT q.id FROM ingest.quarantine q JOIN ingest.raw_message r ON r.id = q.raw_message_id WHERE r.control_id = $1`,
      [stillBad],
    );
    const rerun = await replayAs(supervisor, (stillBadRow as { id: string }).id);
    const rerunBody = (await rerun.json()) as { status: string; ackCode: string; quarantineId: string };
    expect(rerunBody).toMatchObject({ status: 'rejected', ackCode: 'AR' });
    expect(rerunBody.quarantineId).not.toBe((stillBadRow as { id: string }).id);
  });
});

let apiKey = '';
const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

async function postHl7(base: string, message: string): Promise<string> {
  const response = await fetch(`${base}/v1/hl7v2`, {
    method: 'POST',
    headers: { 'Content-Type': 'x-application/hl7-v2+er7', 'X-Api-Key': apiKey },
    body: Buffer.from(message, 'utf8'),
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function getQuarantine(
  base: string,
  query: string,
  token: string,
): Promise<{ id: string; rawMessageId: string; code: string }[]> {
  const response = await fetch(`${base}/v1/quarantine${query}`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: { id: string; rawMessageId: string; code: string }[] }).entries;
}
