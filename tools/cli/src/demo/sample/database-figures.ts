import { type Client } from 'pg';

/*
 * Figures the services have no API for, read (read-only) from their tables in the demo's database: the
 * EMPI's link counts, which MLLP messages ingest took for resends, the scheduler's tasks by status.
 */

export async function empiCounts(db: Client): Promise<{ records: number; patients: number }> {
  const { rows } = await db.query<{ records: number; patients: number }>(
    `SELECT (SELECT count(*) FROM ingest.source_record)::int AS records,
            (SELECT count(*) FROM ingest.enterprise_patient WHERE status = 'active')::int AS patients`,
  );
  return rows[0]!;
}

/**
 * HL7 messages received since `since` that ingest recorded as resends (same MSH-3/4 and MSH-10 as a message
 * it already holds): `identical` ones are true resends (a second demo run; nothing doubled), `different` ones
 * carry another message under a control id an earlier sample used, so ingest answered the old ACK and derived
 * nothing from them.
 */
export async function hl7Resends(db: Client, since: Date): Promise<{ identical: number; different: number }> {
  const { rows } = await db.query<{ identical: number; different: number }>(
    `SELECT count(*) FILTER (WHERE d.bytes = o.bytes)::int AS identical,
            count(*) FILTER (WHERE d.bytes <> o.bytes)::int AS different
       FROM ingest.raw_message d JOIN ingest.raw_message o ON o.id = d.duplicate_of
      WHERE d.status = 'duplicate' AND d.channel = 'mllp' AND d.received_at >= $1`,
    [since],
  );
  return rows[0]!;
}

/** The scheduler's tasks for the org by status (pending = not yet due), in status order. */
export async function schedulerTasks(db: Client, org: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM scheduler.follow_up_task WHERE org_id = $1 GROUP BY 1 ORDER BY 1`,
    [org],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
