import 'reflect-metadata';
import { eventually } from '@revisit/testing';
import { v7 as uuidv7 } from 'uuid';
import { parseHl7Feed } from '../src/hl7v2/use-cases/parse-hl7-feed';
import { type IngestUnderTest, startIngest } from './support/ingest-under-test';

jest.setTimeout(120_000);

// Synthetic messages (no real patient); ids unique per run.
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();
const admission = (n: number): unknown => {
  const [result] = parseHl7Feed(
    Buffer.from(
      [
        `MSH|^~\\&|HIS|W-${RUN}|REVISIT|FU|20240301081500||ADT^A04^ADT_A01|W-${RUN}-${n}|P|2.5`,
        'EVN|A04|20240301081500',
        `PID|1||WM${n}^^^W-${RUN}^MR||测试^患者${'甲乙丙丁戊'[n]}^^^^^L||19${60 + n}0312|M`,
        `PV1|1|O|CARD^^^W-${RUN}|||||||CARD|||||||||WV${n}|||||||||||||||||||||||||20240301081000`,
      ].join('\r'),
    ),
  );
  if (!result?.accepted) throw new Error('fixture message was not accepted');
  return result.events;
};

describe('EMPI feed stage (real PostgreSQL): a message that keeps failing inside a batch', () => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngest({ EMPI_POLL_INTERVAL_MS: '50', ORG_ID: `org-w-${RUN}`.toLowerCase() });
  });

  afterAll(async () => {
    await ingest?.service.app.close();
  });

  it('is set aside after its attempts while the messages around it are linked', async () => {
    // Stored together, so the stage takes them in one batch: the poisoned one (no source, no patient, as
    // a bug or a hand-edited row would leave it) sits between good ones.
    const events = [admission(0), admission(1), [{ type: 'revisit.clinical.encounter-started.v1' }], admission(2)];
    const ids = events.map(() => uuidv7());
    await ingest.sql(
      `INSERT INTO ingest.raw_message
         (id, source_system, channel, sender, control_id, received_at, bytes, charset, message_type, status,
          ack_code, ack, normalised_events)
       SELECT id, 'HIS@W', 'mllp', 'HIS|W', 'W-' || id, now(), '\\x00'::bytea, 'UTF-8', 'ADT^A04', 'accepted',
              'AA', 'MSA|AA', events
         FROM unnest($1::uuid[], $2::jsonb[]) AS m(id, events)`,
      [ids, events.map((e) => JSON.stringify(e))],
    );

    const outcomes = await eventually(
      async () => {
        const rows = (await ingest.sql(
          `SELECT id, empi_outcome FROM ingest.raw_message WHERE id = ANY($1::uuid[]) AND empi_processed_at IS NOT NULL`,
          [ids],
        )) as { id: string; empi_outcome: Record<string, unknown> }[];
        expect(rows).toHaveLength(ids.length);
        return new Map(rows.map((r) => [r.id, r.empi_outcome]));
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(ids.map((id) => outcomes.get(id))).toEqual([
      expect.objectContaining({ published: 2, held: [] }),
      expect.objectContaining({ published: 2, held: [] }),
      { failed: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      expect.objectContaining({ published: 2, held: [] }),
    ]);
    // Each good message's events were enqueued exactly once, despite the failed batch that held them first.
    const [outbox] = (await ingest.sql(`SELECT count(*)::int AS n FROM ingest.outbox WHERE payload::text LIKE $1`, [
      `%WV_%`,
    ])) as { n: number }[];
    expect(outbox!.n).toBe(3);
  });
});
