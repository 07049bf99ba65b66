/**
 * When an unanswered outgoing call counts as "no answer" (TCM phone standard: hang up after more than
 * 5 rings or more than 20 seconds). Administrators may change the numbers per organisation.
 */
export interface RingPolicy {
  readonly maxRings: number;
  readonly maxRingSeconds: number;
  /** Length of one ring cycle of the ringback tone; China's is 1 s on, 4 s off. */
  readonly ringCycleSeconds: number;
}

export const TCM_RING_POLICY: RingPolicy = { maxRings: 5, maxRingSeconds: 20, ringCycleSeconds: 5 };

/** True once the call rang past the policy: more than `maxRings` rings or more than `maxRingSeconds`. */
export function rangPastPolicy(policy: RingPolicy, ringSeconds: number, rings: number | undefined): boolean {
  const counted = rings ?? Math.ceil(ringSeconds / policy.ringCycleSeconds);
  return counted > policy.maxRings || ringSeconds > policy.maxRingSeconds;
}

/** The ring timeout asked of the CTI so it lets the phone ring just past the policy, then hangs up. */
export function ringTimeoutSeconds(policy: RingPolicy): number {
  return Math.min(policy.maxRingSeconds, policy.maxRings * policy.ringCycleSeconds) + 1;
}
