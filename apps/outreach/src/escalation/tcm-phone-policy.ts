import type { ATTEMPT_DISPOSITIONS, OutreachChannel, TASK_OUTCOMES } from '@revisit/domain';

export type Disposition = (typeof ATTEMPT_DISPOSITIONS)[number];
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];
/** Flags an attempt can set on the patient's contact preferences. */
export type PreferenceFlag = 'does-not-want-follow-up' | 'do-not-contact' | 'moved-away' | 'deceased';

/** The numbers of the TCM clinic phone standard (domain.md section 4); an administrator may change them. */
export interface EscalationSettings {
  /** No answer after more than 5 rings or 20 s: hang up. */
  readonly maxRings: number;
  readonly maxRingSeconds: number;
  /** Retry an unanswered call after this long (1 h). */
  readonly noAnswerRetryMs: number;
  /** After this many consecutive unanswered calls, send an SMS with the purpose and the next call time (3). */
  readonly missesBeforeNotice: number;
  /** Unreachable phone: call again every 10 min, 6 times, then the SMS. */
  readonly unreachableRetryMs: number;
  readonly unreachableCalls: number;
  /** SMS notices per phone channel before moving down the ladder. */
  readonly noticesPerChannel: number;
}

export const TCM_PHONE_RULES: EscalationSettings = {
  maxRings: 5,
  maxRingSeconds: 20,
  noAnswerRetryMs: 60 * 60_000,
  missesBeforeNotice: 3,
  unreachableRetryMs: 10 * 60_000,
  unreachableCalls: 6,
  noticesPerChannel: 1,
};

/** Where a task stands on its ladder when an attempt ends. */
export interface LadderState {
  readonly ladder: readonly OutreachChannel[];
  readonly step: number;
  readonly consecutiveMisses: number;
  readonly unreachableStreak: number;
  readonly noticesSent: number;
}

export interface AttemptResult {
  readonly channel: OutreachChannel;
  readonly disposition: Disposition;
  readonly endedAt: Date;
}

export type Decision =
  /** A conversation is happening: the agent (or robot) closes the task with its answers. */
  | { readonly kind: 'await-completion' }
  | { readonly kind: 'retry'; readonly at: Date; readonly switchLine: boolean }
  /** SMS stating the purpose and proposing `nextCallAt`, then call again then. */
  | { readonly kind: 'notice-then-retry'; readonly nextCallAt: Date }
  | { readonly kind: 'escalate'; readonly step: number; readonly at: Date }
  | { readonly kind: 'close'; readonly outcome: TaskOutcome; readonly flag?: PreferenceFlag };

const UNANSWERED: ReadonlySet<Disposition> = new Set(['no-answer', 'busy', 'unreachable']);

const PHONE_CHANNELS: ReadonlySet<OutreachChannel> = new Set(['phone-agent', 'phone-robot']);

export function isPhoneChannel(channel: OutreachChannel): boolean {
  return PHONE_CHANNELS.has(channel);
}

/** The CTI hangs up an outgoing call that rang more than 5 times or longer than 20 s. */
export function shouldHangUp(rings: number, ringSeconds: number, settings = TCM_PHONE_RULES): boolean {
  return rings > settings.maxRings || ringSeconds > settings.maxRingSeconds;
}

/**
 * What to do after an attempt, by the TCM phone rules. `proposeNextCall` picks the time an SMS notice offers
 * (the next call slot); it is a parameter so this stays a pure function of its inputs.
 */
export function decideAfterAttempt(
  state: LadderState,
  attempt: AttemptResult,
  proposeNextCall: (after: Date) => Date,
  settings: EscalationSettings = TCM_PHONE_RULES,
): Decision {
  const at = attempt.endedAt;
  // The robot is the cheap first pass: a robot call nobody answered hands over to the next rung (a person)
  // at once; the phone rules apply to the robot only when it is the last rung.
  if (attempt.channel === 'phone-robot' && UNANSWERED.has(attempt.disposition)) {
    const next = nextRung(state, at);
    if (next) return next;
  }
  switch (attempt.disposition) {
    case 'answered':
      return { kind: 'await-completion' };
    case 'line-fault':
      // Our line, not the patient: apologise on another line at once; not a miss.
      return { kind: 'retry', at, switchLine: true };
    case 'wrong-number':
      return { kind: 'close', outcome: 'wrong-number' };
    case 'do-not-contact':
      return { kind: 'close', outcome: 'do-not-contact', flag: 'do-not-contact' };
    case 'moved-away':
      return { kind: 'close', outcome: 'moved-away', flag: 'moved-away' };
    case 'deceased':
      return { kind: 'close', outcome: 'deceased', flag: 'deceased' };
    case 'changed-therapy':
      return { kind: 'close', outcome: 'changed-therapy' };
    case 'refused':
      // The 不愿意接受回访 tag needs a person to have asked; a robot's refusal goes to an agent if one is next.
      if (attempt.channel === 'phone-agent') {
        return { kind: 'close', outcome: 'refused', flag: 'does-not-want-follow-up' };
      }
      return nextRung(state, at) ?? { kind: 'close', outcome: 'refused' };
    case 'no-answer':
    case 'busy':
      if (!isPhoneChannel(attempt.channel)) return nextRung(state, at) ?? { kind: 'close', outcome: 'not-reached' };
      if (state.consecutiveMisses + 1 < settings.missesBeforeNotice) {
        return { kind: 'retry', at: new Date(at.getTime() + settings.noAnswerRetryMs), switchLine: false };
      }
      return noticeOrNextRung(state, at, proposeNextCall, settings);
    case 'unreachable':
      if (!isPhoneChannel(attempt.channel)) return nextRung(state, at) ?? { kind: 'close', outcome: 'not-reached' };
      if (state.unreachableStreak + 1 < settings.unreachableCalls) {
        return { kind: 'retry', at: new Date(at.getTime() + settings.unreachableRetryMs), switchLine: false };
      }
      return noticeOrNextRung(state, at, proposeNextCall, settings);
  }
}

function noticeOrNextRung(
  state: LadderState,
  at: Date,
  proposeNextCall: (after: Date) => Date,
  settings: EscalationSettings,
): Decision {
  if (state.noticesSent < settings.noticesPerChannel)
    return { kind: 'notice-then-retry', nextCallAt: proposeNextCall(at) };
  return nextRung(state, at) ?? { kind: 'close', outcome: 'not-reached' };
}

function nextRung(state: LadderState, at: Date): Decision | undefined {
  return state.step + 1 < state.ladder.length ? { kind: 'escalate', step: state.step + 1, at } : undefined;
}
