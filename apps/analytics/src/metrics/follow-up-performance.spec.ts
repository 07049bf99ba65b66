import { attemptsPerCompletion, followUpOnTimeRate, reachRateByChannel } from './follow-up-performance';
import { MetricErrorCode } from './metrics.errors';

const TASKS = [
  // 1: done before its deadline -> on time
  { dueAt: '2026-03-02T18:00:00+08:00', completedAt: '2026-03-02T10:35:00+08:00', cancelled: false, attempts: 1 },
  // 2: done after its deadline -> late
  { dueAt: '2026-03-02T18:00:00+08:00', completedAt: '2026-03-03T09:00:00+08:00', cancelled: false, attempts: 3 },
  // 3: deadline passed, never done -> late
  { dueAt: '2026-03-03T18:00:00+08:00', cancelled: false, attempts: 4 },
  // 4: cancelled -> left out everywhere
  { dueAt: '2026-03-03T18:00:00+08:00', cancelled: true, attempts: 1 },
  // 5: deadline still ahead, not done -> not due yet
  { dueAt: '2026-03-06T18:00:00+08:00', cancelled: false, attempts: 0 },
  // 6: deadline ahead but already done -> on time
  { dueAt: '2026-03-06T18:00:00+08:00', completedAt: '2026-03-04T16:00:00+08:00', cancelled: false, attempts: 2 },
];

describe('followUpOnTimeRate', () => {
  it('counts completions by the deadline among tasks that are due', () => {
    // As of 2026-03-05 00:00 +08:00: due = tasks 1, 2, 3, 6 (4); on time = 1, 6 (2) -> 0.5.
    expect(followUpOnTimeRate(TASKS, '2026-03-05T00:00:00+08:00')).toEqual({ rate: 0.5, onTime: 2, due: 4 });
  });

  it('compares instants, not wall-clock text', () => {
    // 2026-03-02T10:30:00Z = 18:30 +08:00, half an hour after the 18:00 +08:00 deadline -> late.
    const task = {
      dueAt: '2026-03-02T18:00:00+08:00',
      completedAt: '2026-03-02T10:30:00Z',
      cancelled: false,
      attempts: 1,
    };
    expect(followUpOnTimeRate([task], '2026-03-05T00:00:00Z').rate).toBe(0);
  });

  it('rejects an instant without offset', () => {
    expect(() => followUpOnTimeRate(TASKS, '2026-03-05T00:00:00')).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidInstant }),
    );
  });
});

describe('attemptsPerCompletion', () => {
  it('averages attempts over completed tasks', () => {
    // Completed: tasks 1 (1), 2 (3), 6 (2) -> 6 / 3 = 2.
    expect(attemptsPerCompletion(TASKS)).toBe(2);
    expect(attemptsPerCompletion([])).toBeNull();
  });

  it('rejects a negative attempt count', () => {
    const task = {
      dueAt: '2026-03-02T18:00:00+08:00',
      completedAt: '2026-03-02T10:00:00+08:00',
      cancelled: false,
      attempts: -1,
    };
    expect(() => attemptsPerCompletion([task])).toThrow(
      expect.objectContaining({ code: MetricErrorCode.NegativeCount }),
    );
  });
});

describe('reachRateByChannel', () => {
  it('divides reached by attempts per channel', () => {
    // phone-agent: 4 attempts, 1 reached -> 0.25; sms: 2 of 2 -> 1.
    const attempts = [
      { channel: 'phone-agent', reached: false },
      { channel: 'sms', reached: true },
      { channel: 'phone-agent', reached: false },
      { channel: 'phone-agent', reached: true },
      { channel: 'phone-agent', reached: false },
      { channel: 'sms', reached: true },
    ];
    expect(reachRateByChannel(attempts)).toEqual([
      { channel: 'phone-agent', rate: 0.25, reached: 1, attempts: 4 },
      { channel: 'sms', rate: 1, reached: 2, attempts: 2 },
    ]);
  });
});
