import { diffTaskSets } from './task-diff';
import { AMLODIPINE, derive, HistoryBuilder } from './test/history-builder';

describe('diffTaskSets', () => {
  it('a refill moves the before-run-out task and creates the new adherence call, saying why', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: 'qd 1片',
    });
    const before = derive('pharmacy-chronic', history.events);
    history.dispense('2026-03-28T15:00:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: 'qd 1片',
    });
    const changes = diffTaskSets(before, derive('pharmacy-chronic', history.events));
    expect(changes.map((change) => change.kind).sort()).toEqual(['created', 'moved']);
    const moved = changes.find((change) => change.kind === 'moved');
    expect(moved).toMatchObject({
      previousDue: '2026-03-29T10:30:00+08:00',
      task: { due: '2026-04-28T10:30:00+08:00' },
    });
    expect(moved && 'why' in moved ? moved.why : '').toContain('supply until 2026-05-01');
  });

  it('a stop status cancels with the status as the reason; a reversal cancels naming the trigger', () => {
    const history = new HistoryBuilder();
    const dispense = history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: 'qd 1片',
    });
    const before = derive('pharmacy-chronic', history.events);
    const declined = new HistoryBuilder();
    declined.events.push(...history.events);
    declined.status('2026-03-03T10:00:00+08:00', 'declined-follow-up');
    expect(diffTaskSets(before, derive('pharmacy-chronic', declined.events))).toEqual([
      expect.objectContaining({ kind: 'cancelled', why: expect.stringContaining('不愿意接受回访') }),
      expect.objectContaining({ kind: 'cancelled', why: expect.stringContaining('不愿意接受回访') }),
    ]);
    history.reverseDispense('2026-03-02T10:00:00+08:00', dispense.dispenseId);
    const reversed = diffTaskSets(before, derive('pharmacy-chronic', history.events));
    expect(reversed.map((change) => (change.kind === 'cancelled' ? change.why : change.kind))).toEqual([
      'its trigger MedicationDispense/D1 no longer applies (corrected or reversed)',
      'its trigger MedicationDispense/D1 no longer applies (corrected or reversed)',
    ]);
  });
});

describe('diffTaskSets with same-day consolidation', () => {
  it('a second drug bought the same day folds its first call into the existing one and says so', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: 'qd 1片',
    });
    const before = derive('pharmacy-chronic', history.events);
    history.dispense('2026-03-02T09:16:00+08:00', {
      drug: { code: 'X-HCT-25', atc: 'C03AA03' },
      quantity: { value: 14, unit: '片' },
      sig: 'qd 1片',
    });
    const after = derive('pharmacy-chronic', history.events);
    const first = after.tasks.find((task) => task.stepId === 'first');
    expect(first?.covers).toHaveLength(1);
    expect(first?.id).toBe(before.tasks.find((task) => task.stepId === 'first')?.id);
    // The older course keeps its call (now covering both drugs); only the new run-out call is created.
    expect(diffTaskSets(before, after).map((change) => change.kind)).toEqual(['changed', 'created']);
  });

  it('a late-arriving older purchase takes over the call; the other is reported as merged into it', () => {
    const history = new HistoryBuilder();
    history.dispense('2026-03-02T09:16:00+08:00', {
      drug: { code: 'X-HCT-25', atc: 'C03AA03' },
      quantity: { value: 14, unit: '片' },
      sig: 'qd 1片',
    });
    const before = derive('pharmacy-chronic', history.events);
    history.dispense('2026-03-02T09:15:00+08:00', {
      drug: AMLODIPINE,
      quantity: { value: 30, unit: '片' },
      sig: 'qd 1片',
    });
    const after = derive('pharmacy-chronic', history.events);
    const kept = after.tasks.find((task) => task.stepId === 'first');
    const oldFirst = before.tasks.find((task) => task.stepId === 'first');
    expect(kept?.covers).toEqual([oldFirst?.id]);
    expect(diffTaskSets(before, after)).toEqual(
      expect.arrayContaining([
        {
          kind: 'cancelled',
          taskId: oldFirst?.id,
          previousDue: oldFirst?.due,
          why: `merged into task ${kept?.id} (same step, same day)`,
        },
      ]),
    );
  });
});
