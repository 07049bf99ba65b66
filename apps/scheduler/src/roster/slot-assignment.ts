import { type AgentAtSlot, servesQueue } from './agents-on-shift';

/** A due task asking for an agent in one call slot. */
export interface SlotDemand {
  readonly taskId: string;
  readonly queue: string;
  /** whom the plan's assignee rule named (e.g. the staff member who filed the record) */
  readonly preferredStaffId?: string;
}

export interface SlotAssignment {
  readonly assigned: ReadonlyMap<string, string>;
  /** every eligible agent is full or off shift: these move to the next call slot */
  readonly overflow: readonly string[];
  /** no agent of the roster works this queue at all: sent to the queue unassigned, as without a roster */
  readonly unrostered: readonly string[];
  /** tasks per agent in this slot after the assignment */
  readonly load: ReadonlyMap<string, number>;
}

/**
 * Assigns one slot's tasks: the plan's preferred agent when on shift with spare capacity, else the least
 * loaded eligible agent (ties: fewest tasks, then staff id, so every replica decides alike). `load` holds
 * what earlier rounds already gave each agent in this slot. Tasks are taken in the order given.
 */
export function assignSlot(
  demands: readonly SlotDemand[],
  onShift: readonly AgentAtSlot[],
  queueServedByRoster: (queue: string) => boolean,
  load: ReadonlyMap<string, number>,
): SlotAssignment {
  const current = new Map(load);
  const assigned = new Map<string, string>();
  const overflow: string[] = [];
  const unrostered: string[] = [];
  const spare = (agent: AgentAtSlot) => agent.capacity - (current.get(agent.staffId) ?? 0);
  for (const demand of demands) {
    if (!queueServedByRoster(demand.queue)) {
      unrostered.push(demand.taskId);
      continue;
    }
    const eligible = onShift.filter((agent) => servesQueue(agent, demand.queue) && spare(agent) > 0);
    const preferred = eligible.find((agent) => agent.staffId === demand.preferredStaffId);
    const chosen =
      preferred ??
      [...eligible].sort(
        (a, b) =>
          (current.get(a.staffId) ?? 0) - (current.get(b.staffId) ?? 0) ||
          (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
      )[0];
    if (chosen === undefined) {
      overflow.push(demand.taskId);
      continue;
    }
    assigned.set(demand.taskId, chosen.staffId);
    current.set(chosen.staffId, (current.get(chosen.staffId) ?? 0) + 1);
  }
  return { assigned, overflow, unrostered, load: current };
}
