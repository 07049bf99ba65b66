import { DateTime } from 'luxon';
import { type PatientEvent } from './patient-event';

function canonical(event: PatientEvent): string {
  return JSON.stringify(event, Object.keys(event).sort());
}

export function eventMillis(event: PatientEvent): number {
  // Date.parse reads ISO-8601 with offset exactly; it is far cheaper than a luxon DateTime per comparison.
  const millis = Date.parse(event.occurredAt);
  if (!Number.isNaN(millis)) return millis;
  const parsed = DateTime.fromISO(event.occurredAt, { setZone: true }).toMillis();
  return Number.isNaN(parsed) ? 0 : parsed;
}

/**
 * Makes a history independent of how it arrived: duplicates (same event id) collapse to one, and
 * events are ordered by (time, id). Two deliveries of one id with different payloads keep the
 * canonically smallest, so even a corrupted replay yields the same result in every order.
 */
export function canonicalOrder(events: readonly PatientEvent[]): PatientEvent[] {
  const byId = new Map<string, { event: PatientEvent; key: string }>();
  for (const event of events) {
    const key = canonical(event);
    const existing = byId.get(event.id);
    if (!existing || key < existing.key) byId.set(event.id, { event, key });
  }
  return [...byId.values()]
    .map((entry) => entry.event)
    .sort((a, b) => eventMillis(a) - eventMillis(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Follows EMPI merges so every event lands on the surviving patient. A later merge wins when records
 * were merged back and forth; cycles are cut at the first repeated id.
 */
export function survivorMap(events: readonly PatientEvent[]): Map<string, string> {
  const mergedInto = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'patients-merged' && event.mergedId !== event.patientId) {
      mergedInto.set(event.mergedId, event.patientId);
    }
  }
  const resolved = new Map<string, string>();
  for (const start of mergedInto.keys()) {
    const seen = new Set<string>([start]);
    let current = start;
    for (let next = mergedInto.get(current); next !== undefined && !seen.has(next); next = mergedInto.get(next)) {
      seen.add(next);
      current = next;
    }
    resolved.set(start, current);
  }
  return resolved;
}

/** Canonical order, merges applied, grouped by surviving patient id (groups in id order). */
export function historiesByPatient(events: readonly PatientEvent[]): Map<string, PatientEvent[]> {
  const ordered = canonicalOrder(events);
  const survivors = survivorMap(ordered);
  const groups = new Map<string, PatientEvent[]>();
  for (const event of ordered) {
    const patientId = survivors.get(event.patientId) ?? event.patientId;
    const rewritten = patientId === event.patientId ? event : { ...event, patientId };
    const group = groups.get(patientId);
    if (group) group.push(rewritten);
    else groups.set(patientId, [rewritten]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
