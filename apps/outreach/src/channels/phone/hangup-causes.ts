import type { Disposition } from '../channel.port';
import { rangPastPolicy, type RingPolicy } from './ring-policy';

/**
 * Hang-up causes of an unanswered call, named as ITU-T Q.850 / FreeSWITCH / Asterisk name them, which is what
 * CTI platforms report. Grouped by what they say about the patient.
 */
export const HANGUP_CAUSES = [
  'NORMAL_CLEARING',
  'ORIGINATOR_CANCEL',
  'NO_ANSWER',
  'NO_USER_RESPONSE',
  'USER_BUSY',
  'CALL_REJECTED',
  'SUBSCRIBER_ABSENT',
  'DESTINATION_OUT_OF_ORDER',
  'NO_ROUTE_DESTINATION',
  'UNALLOCATED_NUMBER',
  'NUMBER_CHANGED',
  'INVALID_NUMBER_FORMAT',
  'NETWORK_OUT_OF_ORDER',
  'NORMAL_TEMPORARY_FAILURE',
  'SWITCH_CONGESTION',
  'NORMAL_CIRCUIT_CONGESTION',
  'RECOVERY_ON_TIMER_EXPIRE',
  'OUTGOING_CALL_BARRED',
] as const;
export type HangupCause = (typeof HANGUP_CAUSES)[number];

const BY_CAUSE: Partial<Record<HangupCause, Disposition>> = {
  USER_BUSY: 'busy',
  // Switched off, out of the service area (关机, 不在服务区), or the far network cannot reach it.
  SUBSCRIBER_ABSENT: 'unreachable',
  DESTINATION_OUT_OF_ORDER: 'unreachable',
  NO_ROUTE_DESTINATION: 'unreachable',
  // 空号, 改号: the number we hold is wrong.
  UNALLOCATED_NUMBER: 'wrong-number',
  NUMBER_CHANGED: 'wrong-number',
  INVALID_NUMBER_FORMAT: 'wrong-number',
  // Our trunk or carrier failed: switch lines and call again at once.
  NETWORK_OUT_OF_ORDER: 'line-fault',
  NORMAL_TEMPORARY_FAILURE: 'line-fault',
  SWITCH_CONGESTION: 'line-fault',
  NORMAL_CIRCUIT_CONGESTION: 'line-fault',
  RECOVERY_ON_TIMER_EXPIRE: 'line-fault',
  OUTGOING_CALL_BARRED: 'line-fault',
};

export interface EndedCall {
  readonly answered: boolean;
  readonly hangupCause: HangupCause;
  readonly ringSeconds: number;
  readonly rings?: number;
}

/**
 * The disposition of an ended call. Unanswered calls that rang past the policy are `no-answer` whatever the
 * cause; one the patient ended or declined while it was still ringing is `busy` (they could not talk now).
 */
export function dispositionOfCall(call: EndedCall, policy: RingPolicy): Disposition {
  if (call.answered) return 'answered';
  const byCause = BY_CAUSE[call.hangupCause];
  if (byCause !== undefined) return byCause;
  if (rangPastPolicy(policy, call.ringSeconds, call.rings)) return 'no-answer';
  if (call.hangupCause === 'CALL_REJECTED' || call.hangupCause === 'NORMAL_CLEARING') return 'busy';
  return 'no-answer';
}
