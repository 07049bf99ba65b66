import { createHash } from 'node:crypto';

export type CohortArm = 'followed-up' | 'control';

/**
 * The arm a patient is drawn into for a plan: a hash of (org, plan id, patient) read as a number in [0, 1),
 * below `share` -> control. Plan id, not version: a new version of the plan does not redraw anyone.
 * Deterministic, so replays and other replicas draw the same.
 */
export function drawArm(orgId: string, planId: string, patientId: string, share: number): CohortArm {
  const digest = createHash('sha256').update(`${orgId}\u0000${planId}\u0000${patientId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < share ? 'control' : 'followed-up';
}
