import { isDeepStrictEqual } from 'node:util';

export const OUTREACH_URL = 'http://127.0.0.1:3003';
export const SCHEDULER_URL = 'http://127.0.0.1:3002';
export const ANALYTICS_URL = 'http://127.0.0.1:3004';

/** A bearer token from the outreach issuer's password grant, as the console's sign-in gets one. */
export async function signIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${OUTREACH_URL}/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * The demo roster: the agent and the supervisor on shift every day within the plans' call hours (quiet
 * hours are 21:00-08:00), with room for the sample's calls, so due tasks are assigned to someone.
 */
export function demoRoster(staff: readonly string[]): unknown {
  return {
    timezone: 'Asia/Shanghai',
    agents: staff.map((staffId) => ({
      staffId,
      shifts: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          start: '08:00',
          end: '21:00',
          capacityPerSlot: 200,
        },
      ],
    })),
  };
}

/** Stores the roster for the org unless the one in force is already it (a second demo run adds no version). */
export async function ensureRoster(token: string, org: string, roster: unknown): Promise<'stored' | 'kept'> {
  const url = `${SCHEDULER_URL}/v1/roster?org=${encodeURIComponent(org)}`;
  const headers = { Authorization: `Bearer ${token}` };
  const current = await fetch(url, { headers });
  if (current.ok && isDeepStrictEqual(((await current.json()) as { roster: unknown }).roster, roster)) return 'kept';
  if (!current.ok && current.status !== 404)
    throw new Error(`GET /v1/roster for ${org}: ${current.status} ${await current.text()}`);
  const put = await fetch(url, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(roster),
  });
  if (!put.ok) throw new Error(`PUT /v1/roster for ${org}: ${put.status} ${await put.text()}`);
  return 'stored';
}

export interface TaskCounts {
  readonly due: number;
  readonly completed: number;
  readonly cancelled: number;
  readonly overdue: number;
}

/** The dashboard's task figure (analytics `follow-up-task-counts`) for tasks falling due in [from, to]. */
export async function taskCounts(token: string, org: string, from: string, to: string): Promise<TaskCounts> {
  const query = new URLSearchParams({ org, from, to });
  const response = await fetch(`${ANALYTICS_URL}/v1/metrics/follow-up-task-counts?${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`analytics follow-up-task-counts: ${response.status} ${await response.text()}`);
  const groups = ((await response.json()) as { groups: Partial<TaskCounts>[] }).groups;
  const sum = (key: keyof TaskCounts): number => groups.reduce((total, g) => total + (g[key] ?? 0), 0);
  return { due: sum('due'), completed: sum('completed'), cancelled: sum('cancelled'), overdue: sum('overdue') };
}

/** How many calls the signed-in agent's worklist (outreach `GET /v1/worklist`) shows now, up to `limit`. */
export async function worklistSize(token: string, limit = 100): Promise<number> {
  const response = await fetch(`${OUTREACH_URL}/v1/worklist?limit=${limit}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`outreach worklist: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { tasks: unknown[] }).tasks.length;
}
