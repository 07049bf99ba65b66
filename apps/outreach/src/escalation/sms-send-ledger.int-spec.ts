import { testDatabaseUrl } from '@revisit/testing';
import { DataSource } from 'typeorm';
import { createScratchDatabase, dropScratchDatabase } from '../../test/support/scratch-database';
import { type SmsChannel, SmsChannelError, type SmsMessage, type SmsSentFinding } from '../channels/sms';
import { SmsSendLedger } from './sms-send-ledger';
import { OutreachSmsSend1795900000361 } from './sms-send.migration';

/** A provider stand-in that records what it was asked; it cannot be asked about earlier sends. */
class RecordingSms implements SmsChannel {
  readonly provider = 'recording';
  readonly sent: SmsMessage[] = [];
  send(message: SmsMessage) {
    this.sent.push(message);
    return Promise.resolve({ providerMessageId: `msg-${this.sent.length}` });
  }
}

/** One that answers lookups as told. */
class AskableSms extends RecordingSms {
  readonly lookups: string[] = [];
  constructor(private readonly finding: SmsSentFinding) {
    super();
  }
  findSent(lookup: { reference: string }) {
    this.lookups.push(lookup.reference);
    return Promise.resolve(this.finding);
  }
}

describe('SmsSendLedger on PostgreSQL', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_ledger_${process.pid}`;
  let db: DataSource;
  const message = { to: '+8613812345678', templateCode: 'SMS_1', params: { purpose: '用药回访' } };

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: await createScratchDatabase(baseUrl, dbName) }).initialize();
    await db.query('CREATE SCHEMA outreach');
    const runner = db.createQueryRunner();
    await new OutreachSmsSend1795900000361().up(runner);
    await runner.release();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  const row = async (key: string) =>
    (
      (await db.query(`SELECT status, reference FROM outreach.sms_send WHERE send_key = $1`, [key])) as {
        status: string;
        reference: string;
      }[]
    )[0];

  /** The state a crash leaves: the send recorded as pending, its outcome never committed. */
  async function crashedSend(key: string): Promise<string> {
    const sms = new AskableSms({ state: 'absent' });
    await new SmsSendLedger(db, sms).send(key, message);
    return (await row(key))!.reference;
  }

  it('commits the pending send before calling the provider, with its reference, and settles it', async () => {
    const sms = new AskableSms({ state: 'absent' });
    const ledger = new SmsSendLedger(db, sms);
    const sent = await ledger.send('k-fresh', message);
    const pending = await row('k-fresh');
    expect(pending?.status).toBe('pending');
    expect(sms.sent.map((m) => m.reference)).toEqual([pending?.reference]);
    await ledger.settle(db.manager, 'k-fresh', { status: 'sent', providerMessageId: 'msg-1' });
    expect([sent, (await row('k-fresh'))?.status, sms.lookups]).toEqual([
      { kind: 'sent', providerMessageId: 'msg-1' },
      'sent',
      [],
    ]);
  });

  it('does not resend what the provider already has', async () => {
    const reference = await crashedSend('k-found');
    const sms = new AskableSms({ state: 'found', providerMessageId: 'serial-9' });
    expect(await new SmsSendLedger(db, sms).send('k-found', message)).toEqual({
      kind: 'already-sent',
      providerMessageId: 'serial-9',
      confirmed: true,
    });
    expect([sms.sent, sms.lookups]).toEqual([[], [reference]]);
  });

  it('sends once, under the same reference, what never reached the provider', async () => {
    const reference = await crashedSend('k-absent');
    const sms = new AskableSms({ state: 'absent' });
    expect((await new SmsSendLedger(db, sms).send('k-absent', message)).kind).toBe('sent');
    expect(sms.sent.map((m) => m.reference)).toEqual([reference]);
  });

  it('waits (retryable error, nothing sent) while the provider cannot tell yet', async () => {
    await crashedSend('k-unknown');
    const sms = new AskableSms({ state: 'unknown' });
    const error = await new SmsSendLedger(db, sms).send('k-unknown', message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsChannelError);
    expect((error as SmsChannelError).retryable).toBe(true);
    expect([sms.sent, (await row('k-unknown'))?.status]).toEqual([[], 'pending']);
  });

  it('never resends through a provider that cannot be asked', async () => {
    await crashedSend('k-blind');
    const sms = new RecordingSms();
    expect(await new SmsSendLedger(db, sms).send('k-blind', message)).toMatchObject({
      kind: 'already-sent',
      confirmed: false,
    });
    expect(sms.sent).toEqual([]);
  });
});
