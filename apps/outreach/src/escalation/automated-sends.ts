import { type DataSource, type EntityManager } from 'typeorm';
import { type SmsChannel, SmsChannelError, SmsChannelErrorCode } from '../channels/sms';
import { type ContactRuleSettings } from '../contact/contact-rules';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type TaskRow, TASK_COLUMNS, TASK_TABLE, toTask } from '../tasks/outreach-task.repository';
import { type OutreachTask } from '../tasks/outreach-task';
import { passContactRules } from './contact-gate';
import { noticeTime, purposeLabel } from './next-call-slot';
import { patientMobile } from './patient-mobile';
import { type EscalationContext, recordAttempt } from './record-attempt';
import { SmsSendLedger } from './sms-send-ledger';
import { type Disposition } from './tcm-phone-policy';

export interface AutomatedSendSettings {
  readonly zone: string;
  readonly noticeTemplate: string;
  readonly batchSize: number;
  readonly rules: ContactRuleSettings;
}

const MAX_NOTICE_TRIES = 5;

/**
 * The durable timers of outreach, worked by every replica at once without doubles (FOR UPDATE SKIP LOCKED):
 * SMS notices queued by the phone rules, and tasks whose current rung is the SMS channel. The provider is
 * called while the row is locked, so a second replica never sends the same message; the send ledger keeps a
 * crash between the provider call and the commit from sending it twice.
 */
export class AutomatedSends {
  private readonly ledger: SmsSendLedger | undefined;

  constructor(
    private readonly dataSource: DataSource,
    sms: SmsChannel | undefined,
    private readonly escalation: EscalationContext,
    private readonly settings: AutomatedSendSettings,
  ) {
    this.ledger = sms === undefined ? undefined : new SmsSendLedger(dataSource, sms);
  }

  async runOnce(): Promise<number> {
    return (await this.sendDueNotices()) + (await this.sendDueSmsTasks());
  }

  private sendDueNotices(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; next_call_at: Date; tries: number; task_id: string }[] = await manager.query(
        `SELECT id, next_call_at, tries, task_id FROM "${OUTREACH_SCHEMA}".sms_notice
          WHERE sent_at IS NULL AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      for (const notice of due) {
        const task = await this.task(manager, notice.task_id);
        const result = await this.send(manager, task, notice.next_call_at, `notice:${notice.id}`);
        if (result.kind === 'retry' && notice.tries + 1 < MAX_NOTICE_TRIES) {
          await manager.query(
            `UPDATE "${OUTREACH_SCHEMA}".sms_notice SET tries = tries + 1, due_at = now() + make_interval(mins => $2)
              WHERE id = $1`,
            [notice.id, notice.tries + 1],
          );
          continue;
        }
        await manager.query(`UPDATE "${OUTREACH_SCHEMA}".sms_notice SET sent_at = now(), result = $2 WHERE id = $1`, [
          notice.id,
          result.kind === 'sent'
            ? `sent:${result.providerMessageId}`
            : result.kind === 'retry'
              ? 'failed:retries'
              : result.reason,
        ]);
        if (result.kind === 'sent' || result.kind === 'refused') {
          await recordAttempt(manager, task, this.attempt(result.disposition), this.escalation, 'log-only');
        }
      }
      return due.length;
    });
  }

  private sendDueSmsTasks(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: TaskRow[] = await manager.query(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE}
          WHERE status = 'open' AND current_channel = 'sms' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      for (const task of rows.map(toTask)) {
        if (!(await passContactRules(manager, this.escalation.outbox, task, this.settings.rules))) continue;
        const proposed = this.escalation.proposeNextCall(task, new Date());
        const result = await this.send(manager, task, proposed, `sms-rung:${task.id}:${task.attempts}`);
        if (result.kind === 'retry') {
          await manager.query(
            `UPDATE ${TASK_TABLE} SET next_attempt_at = now() + interval '5 minutes', updated_at = now() WHERE id = $1`,
            [task.id],
          );
          continue;
        }
        await recordAttempt(
          manager,
          task,
          this.attempt(result.kind === 'skipped' ? 'wrong-number' : result.disposition),
          this.escalation,
        );
      }
      return rows.length;
    });
  }

  private async send(
    manager: EntityManager,
    task: OutreachTask,
    nextCallAt: Date,
    sendKey: string,
  ): Promise<
    | { kind: 'sent'; providerMessageId: string; disposition: Disposition }
    | { kind: 'refused'; reason: string; disposition: Disposition }
    | { kind: 'retry' }
    | { kind: 'skipped'; reason: string }
  > {
    if (!this.ledger) return { kind: 'skipped', reason: 'skipped:no-provider' };
    const to = await patientMobile(manager, task.orgId, task.patientId);
    if (!to) return { kind: 'skipped', reason: 'skipped:no-mobile' };
    try {
      const sent = await this.ledger.send(sendKey, {
        to,
        templateCode: this.settings.noticeTemplate,
        params: { purpose: purposeLabel(task.purpose), time: noticeTime(nextCallAt, this.settings.zone) },
      });
      const confirmed = sent.kind === 'sent' || sent.confirmed;
      await this.ledger.settle(manager, sendKey, {
        status: confirmed ? 'sent' : 'unconfirmed',
        providerMessageId: sent.providerMessageId,
      });
      // Delivered text, no reply yet: for the ladder that is an unanswered contact.
      return { kind: 'sent', providerMessageId: sent.providerMessageId, disposition: 'no-answer' };
    } catch (error) {
      if (!(error instanceof SmsChannelError)) throw error;
      // A retryable failure leaves the send pending: the next round asks the provider before trying again.
      if (error.retryable) return { kind: 'retry' };
      await this.ledger.settle(manager, sendKey, { status: 'failed' });
      const disposition: Disposition =
        error.code === SmsChannelErrorCode.INVALID_NUMBER ? 'wrong-number' : 'unreachable';
      return { kind: 'refused', reason: `failed:${error.code}`, disposition };
    }
  }

  private attempt(disposition: Disposition) {
    const now = new Date();
    return { channel: 'sms' as const, disposition, startedAt: now, endedAt: now, talkSeconds: 0 };
  }

  private async task(manager: EntityManager, taskId: string): Promise<OutreachTask> {
    const rows: TaskRow[] = await manager.query(`SELECT ${TASK_COLUMNS} FROM ${TASK_TABLE} WHERE id = $1 FOR UPDATE`, [
      taskId,
    ]);
    if (!rows[0]) throw new Error('notice without its task');
    return toTask(rows[0]);
  }
}
