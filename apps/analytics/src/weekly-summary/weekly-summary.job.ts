import { formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type DataSource, type EntityManager } from 'typeorm';
import { table } from '../read-models/read-model-sql';
import { addDays, latestDueWeek } from './week-calendar';
import { departmentsOfWeek, weeklyFigures } from './weekly-figures';

/** After downtime, summaries of up to this many past weeks are still produced. */
export const CATCH_UP_WEEKS = 8;
const MAX_ATTEMPTS = 5;

export interface WeeklySummarySettings {
  readonly zone: string;
  /** Local time on Monday from which last week's summary is due, `HH:MM`. */
  readonly runAt: string;
}

/**
 * Produces each organisation's weekly summary exactly once, whichever replica gets there first: due weeks are
 * written as job rows (insert-if-absent), and a job is claimed with FOR UPDATE SKIP LOCKED inside the
 * transaction that stores the report and enqueues its event in the outbox.
 */
export class WeeklySummaryJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly settings: WeeklySummarySettings,
  ) {}

  /** One round: record due weeks, then work every claimable job. Returns the summaries produced. */
  async runOnce(now: Date): Promise<number> {
    await this.enqueueDueWeeks(now);
    let produced = 0;
    while (await this.produceNext(now)) produced += 1;
    return produced;
  }

  private async enqueueDueWeeks(now: Date): Promise<void> {
    const latest = latestDueWeek(now, this.settings.zone, this.settings.runAt);
    const weeks = Array.from({ length: CATCH_UP_WEEKS }, (_, i) => addDays(latest, -7 * i));
    const enqueued: { week_start: string }[] = await this.dataSource.query(
      `SELECT DISTINCT week_start::text FROM ${table('weekly_summary_job')} WHERE week_start = ANY($1::date[])`,
      [weeks],
    );
    const done = new Set(enqueued.map((r) => r.week_start));
    // The latest week is looked at every round, so an organisation whose facts arrive late still gets its
    // report; older weeks only until their jobs exist (catch-up after downtime).
    for (const week of weeks.filter((w) => w === latest || !done.has(w))) {
      // Organisations with any follow-up fact in the week; a week without activity gets no report.
      await this.dataSource.query(
        `INSERT INTO ${table('weekly_summary_job')} (org_id, week_start, status)
         SELECT org_id, $1::date, 'pending' FROM (
           SELECT org_id FROM ${table('task')} WHERE due_date BETWEEN $1::date AND $1::date + 6
           UNION SELECT org_id FROM ${table('attempt')} WHERE local_date BETWEEN $1::date AND $1::date + 6
           UNION SELECT org_id FROM ${table('survey_response')} WHERE local_date BETWEEN $1::date AND $1::date + 6
           UNION SELECT org_id FROM ${table('complaint')} WHERE local_date BETWEEN $1::date AND $1::date + 6) o
         ON CONFLICT (org_id, week_start) DO NOTHING`,
        [week],
      );
    }
  }

  private async produceNext(now: Date): Promise<boolean> {
    let claimed: { org_id: string; week_start: string } | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: { org_id: string; week_start: string }[] = await manager.query(
          `SELECT org_id, week_start::text FROM ${table('weekly_summary_job')}
            WHERE status = 'pending' AND attempts < $1
            ORDER BY week_start, org_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [MAX_ATTEMPTS],
        );
        claimed = rows[0];
        if (claimed === undefined) return false;
        await this.produce(manager, claimed.org_id, claimed.week_start, now);
        await manager.query(
          `UPDATE ${table('weekly_summary_job')} SET status = 'done', attempts = attempts + 1, updated_at = now()
            WHERE org_id = $1 AND week_start = $2`,
          [claimed.org_id, claimed.week_start],
        );
        return true;
      });
    } catch (error) {
      if (claimed === undefined) throw error;
      // Counted outside the rolled-back transaction so a failing week cannot block the others forever.
      await this.dataSource.query(
        `UPDATE ${table('weekly_summary_job')} SET attempts = attempts + 1, last_error = $3, updated_at = now()
          WHERE org_id = $1 AND week_start = $2`,
        [claimed.org_id, claimed.week_start, error instanceof Error ? error.name : 'error'],
      );
      throw error;
    }
  }

  private async produce(manager: EntityManager, org: string, weekStart: string, now: Date): Promise<void> {
    const zone = this.settings.zone;
    const figures = await weeklyFigures(manager, org, weekStart, zone);
    const byDepartment = [];
    for (const departmentCode of await departmentsOfWeek(manager, org, weekStart, zone)) {
      byDepartment.push({
        departmentCode,
        figures: await weeklyFigures(manager, org, weekStart, zone, departmentCode),
      });
    }
    const publishedAt = formatOffsetDateTime(now);
    const data = { orgId: org, weekStart, timeZone: zone, figures, byDepartment, publishedAt };
    const event = newEvent('revisit.analytics.weekly-summary-published.v1', {
      source: 'revisit/analytics',
      subject: org,
      orgid: org,
      data,
      time: now,
    });
    await manager.query(
      `INSERT INTO ${table('weekly_summary')} (org_id, week_start, time_zone, payload, event_id, published_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [org, weekStart, zone, JSON.stringify(data), event.id, now],
    );
    await this.outbox.enqueue(manager, event);
  }
}
