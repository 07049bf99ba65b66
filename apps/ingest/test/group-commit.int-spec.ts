import 'reflect-metadata';
import { type DataSource } from 'typeorm';
import { receiveHl7Group } from '../src/raw-messages/use-cases/receive-hl7-group';
import { type FeedSource } from '../src/sources/feed-source.entity';
import { type IngestUnderTest, registerSource, startIngest } from './support/ingest-under-test';
import { segment } from './support/mllp-test-client';

jest.setTimeout(90_000);

// Synthetic messages (no real patient); control ids unique per run so reruns are not duplicates.
const RUN = `${process.pid}${Date.now()}`;
const adt = (controlId: string, authority = 'GROUP-HOSP'): string =>
  [
    `MSH|^~\\&|HIS|GROUP-HOSP|REVISIT|FU|20240301081500||ADT^A28^ADT_A05|${controlId}|P|2.5||||||UNICODE UTF-8`,
    'EVN|A28|20240301081500',
    `PID|1||M-0001^^^${authority}^MR||测试^患者^^^^^L||19650312|M`,
  ].join('\r');
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const msa = (ack: Buffer): string[] => segment(ack.toString('utf8'), 'MSA').slice(1, 3);

describe('payloads stored together (group commit, real PostgreSQL)', () => {
  let ingest: IngestUnderTest;
  let db: DataSource;
  let source: FeedSource;

  beforeAll(async () => {
    ingest = await startIngest();
    db = ingest.db;
    const registered = await registerSource(ingest, { id: 'group-his', identifierSystems: ['GROUP-HOSP'] });
    source = { id: registered.id, identifierSystems: ['GROUP-HOSP'] };
  });

  afterAll(async () => {
    await ingest?.service.app.close();
  });

  it('answers each payload of a mixed group as if it had come alone', async () => {
    const id = (n: string): string => `G${n}-${RUN}`;
    const batch = [
      `BHS|^~\\&|HIS|GROUP-HOSP|REVISIT|FU|20240301081500||||BH-${RUN}`,
      adt(id('b1')),
      adt(id('b2')),
      'BTS|2',
    ].join('\r');
    const answers = await receiveHl7Group(
      db,
      [
        { bytes: bytes(adt(id('a'))), channel: 'mllp', source },
        // The same control id twice in one group: stored once, the second answered like a resend.
        { bytes: bytes(adt(id('a'))), channel: 'mllp', source },
        { bytes: bytes(adt(id('other'), 'NOT-OURS')), channel: 'mllp', source },
        { bytes: bytes(batch), channel: 'http', source },
        { bytes: bytes(adt(id('stranger'))), channel: 'mllp', source: undefined },
        { bytes: bytes(adt(id('c'))), channel: 'mllp', source },
      ],
      { zone: 'Asia/Shanghai' },
    );

    expect(answers.map((a) => a.messages.map((m) => m.status))).toEqual([
      ['accepted'],
      ['duplicate'],
      ['rejected'],
      ['accepted', 'accepted'],
      ['rejected'],
      ['accepted'],
    ]);
    expect(msa(answers[0]!.ackBytes)).toEqual(['AA', id('a')]);
    expect(answers[1]!.ackBytes).toEqual(answers[0]!.ackBytes);
    expect(msa(answers[2]!.ackBytes)).toEqual(['AR', id('other')]);
    expect(answers[3]!.batch).toBe(true);
    expect(msa(answers[4]!.ackBytes)).toEqual(['AR', id('stranger')]);
    expect(msa(answers[5]!.ackBytes)).toEqual(['AA', id('c')]);

    const rows: { control_id: string; status: string; duplicate_of: string | null; quarantined: boolean }[] =
      await db.query(
        `SELECT r.control_id, r.status, r.duplicate_of, q.id IS NOT NULL AS quarantined
           FROM ingest.raw_message r LEFT JOIN ingest.quarantine q ON q.raw_message_id = r.id
          WHERE r.control_id LIKE $1 ORDER BY r.control_id, r.status`,
        [`G%-${RUN}`],
      );
    expect(rows.map((r) => [r.control_id, r.status, r.duplicate_of !== null, r.quarantined])).toEqual([
      [id('a'), 'accepted', false, false],
      [id('a'), 'duplicate', true, false],
      [id('b1'), 'accepted', false, false],
      [id('b2'), 'accepted', false, false],
      [id('c'), 'accepted', false, false],
      [id('other'), 'rejected', false, true],
    ]);
  });

  it('answers a resend of an already stored message with its original ACK, inside a later group', async () => {
    const controlId = `Gr-${RUN}`;
    const [first] = await receiveHl7Group(db, [{ bytes: bytes(adt(controlId)), channel: 'mllp', source }], {
      zone: 'Asia/Shanghai',
    });
    const [again, fresh] = await receiveHl7Group(
      db,
      [
        { bytes: bytes(adt(controlId)), channel: 'mllp', source },
        { bytes: bytes(adt(`Gs-${RUN}`)), channel: 'mllp', source },
      ],
      { zone: 'Asia/Shanghai' },
    );
    expect(again!.messages[0]!.status).toBe('duplicate');
    expect(again!.ackBytes).toEqual(first!.ackBytes);
    expect(fresh!.messages[0]!.status).toBe('accepted');
  });
});
