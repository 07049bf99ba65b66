import { type DispatchDueTasks, type DispatchRound } from './dispatch-due-tasks';
import { TaskDispatcher } from './task-dispatcher';

/** A dispatch round double that reports scripted counts and whether a round is still running. */
function scriptedRounds(counts: number[]): {
  dispatch: Pick<DispatchDueTasks, 'runOnce'>;
  calls: () => number;
  limits: number[];
  inFlight: () => boolean;
} {
  let calls = 0;
  let inFlight = false;
  const limits: number[] = [];
  const dispatch = {
    runOnce: async (limit: number): Promise<DispatchRound> => {
      inFlight = true;
      calls++;
      limits.push(limit);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight = false;
      const next = counts.shift();
      if (next === undefined) return { sent: 0, missed: 0, moved: 0 };
      if (next < 0) throw new Error('database unavailable');
      return { sent: next, missed: 0, moved: 0 };
    },
  };
  return { dispatch, calls: () => calls, limits, inFlight: () => inFlight };
}

const UNLIMITED = 1_000_000;

describe('TaskDispatcher', () => {
  it('runs rounds back to back while batches come back full, then waits', async () => {
    const rounds = scriptedRounds([10, 10, 3]);
    const dispatcher = new TaskDispatcher(rounds.dispatch, {
      batchSize: 10,
      idleMs: 60_000,
      maxPerSecond: UNLIMITED,
      onError: () => undefined,
    });
    dispatcher.start();
    while (rounds.calls() < 3) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds.calls()).toBe(3);
    await dispatcher.stop();
  });

  it('reports a failed round and keeps going', async () => {
    const errors: unknown[] = [];
    const rounds = scriptedRounds([-1, 0]);
    const dispatcher = new TaskDispatcher(rounds.dispatch, {
      batchSize: 10,
      idleMs: 1,
      maxPerSecond: UNLIMITED,
      onError: (e) => errors.push(e),
    });
    dispatcher.start();
    while (rounds.calls() < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await dispatcher.stop();
    expect(errors).toEqual([new Error('database unavailable')]);
  });

  it('stop waits for the round in flight and wakes an idle wait at once', async () => {
    const rounds = scriptedRounds([]);
    const dispatcher = new TaskDispatcher(rounds.dispatch, {
      batchSize: 10,
      idleMs: 60_000,
      maxPerSecond: UNLIMITED,
      onError: () => undefined,
    });
    dispatcher.start();
    expect(rounds.inFlight()).toBe(true);
    const started = Date.now();
    await dispatcher.stop();
    expect(rounds.inFlight()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    const calls = rounds.calls();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds.calls()).toBe(calls);
  });

  it('sends a backlog at no more than maxPerSecond task-due events within one second', async () => {
    const rounds = scriptedRounds([10, 10, 5, 10]);
    const dispatcher = new TaskDispatcher(rounds.dispatch, {
      batchSize: 10,
      idleMs: 60_000,
      maxPerSecond: 25,
      onError: () => undefined,
      now: () => 0, // the clock stands still: everything below happens within the first second
    });
    dispatcher.start();
    while (rounds.calls() < 3) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    expect(rounds.limits).toEqual([10, 10, 5]);
  });
});
