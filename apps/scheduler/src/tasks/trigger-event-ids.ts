import { type PatientEvent } from '../derivation/patient-event';
import { recordKey } from '../derivation/trigger-instance';

/**
 * Which catalogue event started each trigger: the first event (by time, then id) about the record a
 * trigger key names. Engine event ids may carry a `#suffix` when one envelope yields several facts.
 */
export function triggerEventIds(events: readonly PatientEvent[]): Map<string, string> {
  const byKey = new Map<string, string>();
  const ordered = [...events].sort(
    (a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const event of ordered) {
    const key = recordKey(event);
    if (!byKey.has(key)) byKey.set(key, event.id.split('#')[0] ?? event.id);
  }
  return byKey;
}

const EVENT_KEY = 'Event/';

/** The event behind a task's trigger key; keys may extend a record key (e.g. a yearly occurrence). */
export function triggerEventIdFor(ids: ReadonlyMap<string, string>, triggerKey: string, fallback: string): string {
  if (triggerKey.startsWith(EVENT_KEY)) return triggerKey.slice(EVENT_KEY.length);
  const exact = ids.get(triggerKey);
  if (exact !== undefined) return exact;
  let best: { key: string; id: string } | undefined;
  for (const [key, id] of ids) {
    if (triggerKey.startsWith(key) && (best === undefined || key.length > best.key.length)) best = { key, id };
  }
  return best?.id ?? fallback;
}
