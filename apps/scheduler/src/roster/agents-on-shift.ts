import { type DateTime } from 'luxon';
import { parseClockTime } from '../calendar/clock-time';
import { type Roster, type Shift, WEEKDAYS } from './roster.types';

/** An agent working at a call slot, and how many tasks they take in it. */
export interface AgentAtSlot {
  readonly staffId: string;
  readonly capacity: number;
  readonly queues?: readonly string[];
}

function weekdayOf(time: DateTime, daysBack: number): string {
  // luxon: 1 = Monday ... 7 = Sunday
  return WEEKDAYS[(((time.weekday - 1 - daysBack) % 7) + 7) % 7]!;
}

/** Whether `slot` (already in the roster's zone) falls in the shift; overnight shifts belong to their start day. */
export function shiftCovers(shift: Shift, slot: DateTime): boolean {
  const start = parseClockTime(shift.start)!;
  const end = parseClockTime(shift.end)!;
  const minutes = slot.hour * 60 + slot.minute;
  const days = shift.days as readonly string[];
  if (start < end) return days.includes(weekdayOf(slot, 0)) && minutes >= start && minutes < end;
  return (
    (days.includes(weekdayOf(slot, 0)) && minutes >= start) || (days.includes(weekdayOf(slot, 1)) && minutes < end)
  );
}

export function servesQueue(agent: { readonly queues?: readonly string[] }, queue: string): boolean {
  return agent.queues === undefined || agent.queues.includes(queue);
}

/** Agents on shift at the slot with their capacity there (overlapping shifts: the larger capacity). */
export function agentsOnShift(roster: Roster, slot: DateTime): AgentAtSlot[] {
  const working: AgentAtSlot[] = [];
  for (const agent of roster.agents) {
    const capacities = agent.shifts.filter((shift) => shiftCovers(shift, slot)).map((s) => s.capacityPerSlot);
    if (capacities.length === 0) continue;
    working.push({
      staffId: agent.staffId,
      capacity: Math.max(...capacities),
      ...(agent.queues === undefined ? {} : { queues: agent.queues }),
    });
  }
  return working;
}
