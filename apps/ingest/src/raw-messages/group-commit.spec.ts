import { GroupCommit } from './group-commit';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A store whose commits the test finishes by hand, recording the groups it was given. */
function manualStore() {
  const groups: string[][] = [];
  const pending: { items: readonly string[]; finish: (error?: Error) => void }[] = [];
  const commit = (items: readonly string[]): Promise<string[]> => {
    groups.push([...items]);
    return new Promise((resolve, reject) =>
      pending.push({
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((i) => `stored:${i}`))),
      }),
    );
  };
  return { groups, pending, commit };
}

describe('GroupCommit', () => {
  it('stores a lone arrival at once and groups what arrives while a commit is in flight', async () => {
    const store = manualStore();
    const group = new GroupCommit(store.commit, { maxGroup: 10, maxConcurrent: 1 });
    const first = group.submit('a');
    const rest = ['b', 'c', 'd'].map((i) => group.submit(i));
    await tick();
    expect(store.groups).toEqual([['a']]);
    store.pending.shift()!.finish();
    expect(await first).toBe('stored:a');
    await tick();
    expect(store.groups).toEqual([['a'], ['b', 'c', 'd']]);
    store.pending.shift()!.finish();
    expect(await Promise.all(rest)).toEqual(['stored:b', 'stored:c', 'stored:d']);
  });

  it('answers nobody before the commit holding their item finished', async () => {
    const store = manualStore();
    const group = new GroupCommit(store.commit, { maxGroup: 10, maxConcurrent: 1 });
    let answered = false;
    void group.submit('a').then(() => (answered = true));
    await tick();
    await tick();
    expect(answered).toBe(false);
    store.pending.shift()!.finish();
    await tick();
    expect(answered).toBe(true);
  });

  it('caps group size and transactions in flight', async () => {
    const store = manualStore();
    const group = new GroupCommit(store.commit, { maxGroup: 2, maxConcurrent: 2 });
    const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((i) => group.submit(i));
    await tick();
    // The first two arrivals each find a free slot; the rest wait and leave in groups of two.
    expect(store.groups).toEqual([['a'], ['b']]);
    while (store.pending.length > 0) {
      store.pending.shift()!.finish();
      await tick();
      await tick();
    }
    expect(store.groups).toEqual([['a'], ['b'], ['c', 'd'], ['e', 'f'], ['g']]);
    expect(await Promise.all(all)).toHaveLength(7);
  });

  it('retries each item of a failed group alone, so only the bad one fails', async () => {
    const commit = (items: readonly string[]): Promise<string[]> =>
      items.includes('bad') ? Promise.reject(new Error('poison')) : Promise.resolve(items.map((i) => `ok:${i}`));
    const group = new GroupCommit(commit, { maxGroup: 10, maxConcurrent: 1 });
    const blocker = group.submit('x');
    const outcomes = await Promise.allSettled(['a', 'bad', 'b'].map((i) => group.submit(i)));
    expect(await blocker).toBe('ok:x');
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'ok:a' },
      { status: 'rejected', reason: new Error('poison') },
      { status: 'fulfilled', value: 'ok:b' },
    ]);
  });
});
