import { type EntityManager } from 'typeorm';
import { SCHEDULER_SCHEMA } from '../database/scheduler-schema';

const TABLE = `"${SCHEDULER_SCHEMA}".agent_slot_load`;

export interface SlotKey {
  readonly orgId: string;
  readonly slotAt: Date;
}

/** Tasks held per agent and call slot; read and written only while the slot's lock is held. */
export class SlotLoadRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Serialises assignment per (org, slot) across replicas until the transaction ends. Locks are taken in
   * one global order (by lock key), so two replicas locking overlapping slots cannot deadlock.
   */
  async lockSlots(slots: readonly SlotKey[]): Promise<void> {
    if (slots.length === 0) return;
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(k) FROM (
         SELECT DISTINCT hashtext('scheduler-slot|' || x) AS k FROM unnest($1::text[]) x ORDER BY k) keys`,
      [slots.map((slot) => `${slot.orgId}|${slot.slotAt.toISOString()}`)],
    );
  }

  async loadOf(slot: SlotKey): Promise<Map<string, number>> {
    const rows: { staff_id: string; assigned: number }[] = await this.manager.query(
      `SELECT staff_id, assigned FROM ${TABLE} WHERE org_id = $1 AND slot_at = $2`,
      [slot.orgId, slot.slotAt.toISOString()],
    );
    return new Map(rows.map((row) => [row.staff_id, row.assigned]));
  }

  async save(slot: SlotKey, load: ReadonlyMap<string, number>): Promise<void> {
    if (load.size === 0) return;
    const staff = [...load.keys()];
    await this.manager.query(
      `INSERT INTO ${TABLE} (org_id, slot_at, staff_id, assigned)
       SELECT $1, $2, s, n FROM unnest($3::text[], $4::int[]) AS t(s, n)
       ON CONFLICT (org_id, slot_at, staff_id) DO UPDATE SET assigned = EXCLUDED.assigned`,
      [slot.orgId, slot.slotAt.toISOString(), staff, staff.map((id) => load.get(id) ?? 0)],
    );
  }
}
