import { decideAfterAttempt, type Decision, type LadderState, shouldHangUp } from './tcm-phone-policy';
import type { AttemptResult } from './tcm-phone-policy';

const AT = new Date('2027-03-02T02:00:00.000Z'); // 10:00 in Shanghai
const NEXT_SLOT = new Date('2027-03-03T02:30:00.000Z');
const propose = () => NEXT_SLOT;
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

const fresh: LadderState = {
  ladder: ['phone-robot', 'phone-agent', 'sms'],
  step: 1,
  consecutiveMisses: 0,
  unreachableStreak: 0,
  noticesSent: 0,
};

const cases: [string, Partial<LadderState>, Partial<AttemptResult>, Decision][] = [
  ['answered call waits for the agent to complete', {}, { disposition: 'answered' }, { kind: 'await-completion' }],
  ['first miss: retry in 1 h', {}, { disposition: 'no-answer' }, { kind: 'retry', at: minutes(60), switchLine: false }],
  [
    'second miss (busy counts): retry in 1 h',
    { consecutiveMisses: 1 },
    { disposition: 'busy' },
    { kind: 'retry', at: minutes(60), switchLine: false },
  ],
  [
    'third consecutive miss: SMS with purpose and next call time',
    { consecutiveMisses: 2 },
    { disposition: 'no-answer' },
    { kind: 'notice-then-retry', nextCallAt: NEXT_SLOT },
  ],
  [
    'three more misses after the notice: next channel on the ladder',
    { consecutiveMisses: 2, noticesSent: 1 },
    { disposition: 'no-answer' },
    { kind: 'escalate', step: 2, at: AT },
  ],
  [
    'ladder exhausted: not reached',
    { ladder: ['phone-agent'], step: 0, consecutiveMisses: 2, noticesSent: 1 },
    { disposition: 'no-answer' },
    { kind: 'close', outcome: 'not-reached' },
  ],
  [
    'unreachable: again in 10 min',
    { unreachableStreak: 0 },
    { disposition: 'unreachable' },
    { kind: 'retry', at: minutes(10), switchLine: false },
  ],
  [
    'unreachable the 5th time: still every 10 min',
    { unreachableStreak: 4 },
    { disposition: 'unreachable' },
    { kind: 'retry', at: minutes(10), switchLine: false },
  ],
  [
    'unreachable the 6th time: SMS',
    { unreachableStreak: 5 },
    { disposition: 'unreachable' },
    { kind: 'notice-then-retry', nextCallAt: NEXT_SLOT },
  ],
  [
    'our line faulty: at once, another line',
    { consecutiveMisses: 2 },
    { disposition: 'line-fault' },
    { kind: 'retry', at: AT, switchLine: true },
  ],
  [
    'refusal to an agent: tagged does-not-want-follow-up',
    {},
    { disposition: 'refused' },
    { kind: 'close', outcome: 'refused', flag: 'does-not-want-follow-up' },
  ],
  [
    'refusal to a robot: a person calls next, no tag yet',
    { step: 0 },
    { channel: 'phone-robot', disposition: 'refused' },
    { kind: 'escalate', step: 1, at: AT },
  ],
  [
    'unanswered robot call: a person calls next, at once',
    { step: 0 },
    { channel: 'phone-robot', disposition: 'no-answer' },
    { kind: 'escalate', step: 1, at: AT },
  ],
  [
    'unreachable by the robot: a person calls next, at once',
    { step: 0 },
    { channel: 'phone-robot', disposition: 'unreachable' },
    { kind: 'escalate', step: 1, at: AT },
  ],
  [
    'robot as the last rung: the phone rules retry in 1 h',
    { ladder: ['phone-robot'], step: 0 },
    { channel: 'phone-robot', disposition: 'busy' },
    { kind: 'retry', at: minutes(60), switchLine: false },
  ],
  [
    'deceased stops everything',
    {},
    { disposition: 'deceased' },
    { kind: 'close', outcome: 'deceased', flag: 'deceased' },
  ],
  ['moved away', {}, { disposition: 'moved-away' }, { kind: 'close', outcome: 'moved-away', flag: 'moved-away' }],
  [
    'asked not to be contacted',
    {},
    { disposition: 'do-not-contact' },
    { kind: 'close', outcome: 'do-not-contact', flag: 'do-not-contact' },
  ],
  ['changed therapy', {}, { disposition: 'changed-therapy' }, { kind: 'close', outcome: 'changed-therapy' }],
  ['wrong number', {}, { disposition: 'wrong-number' }, { kind: 'close', outcome: 'wrong-number' }],
  [
    'a message channel without reply moves down the ladder',
    { ladder: ['sms', 'phone-agent'], step: 0 },
    { channel: 'sms', disposition: 'no-answer' },
    { kind: 'escalate', step: 1, at: AT },
  ],
  [
    'the last message channel closes as not reached',
    { ladder: ['phone-agent', 'sms'], step: 1 },
    { channel: 'sms', disposition: 'no-answer' },
    { kind: 'close', outcome: 'not-reached' },
  ],
];

describe('TCM phone rules as the default escalation policy', () => {
  it.each(cases)('%s', (_name, state, attempt, expected) => {
    const decision = decideAfterAttempt(
      { ...fresh, ...state },
      { channel: 'phone-agent', disposition: 'answered', endedAt: AT, ...attempt },
      propose,
    );
    expect(decision).toEqual(expected);
  });

  it.each([
    [5, 20, false],
    [6, 12, true],
    [3, 21, true],
  ])('hangs up after more than 5 rings or 20 s: %i rings, %i s -> %s', (rings, seconds, hangUp) => {
    expect(shouldHangUp(rings, seconds)).toBe(hangUp);
  });
});
