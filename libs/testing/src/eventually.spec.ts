import { eventually } from './eventually';

describe('eventually', () => {
  it('resolves with the first value the assertion returns without throwing', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls++;
        if (calls < 3) throw new Error(`not yet (${calls})`);
        return 'done';
      },
      { timeoutMs: 2_000, intervalMs: 1 },
    );
    expect(value).toBe('done');
    expect(calls).toBe(3);
  });

  it('fails with the last assertion error once the deadline passes', async () => {
    let calls = 0;
    const failing = eventually(
      () => {
        calls++;
        expect(calls).toBe(-1);
      },
      { timeoutMs: 50, intervalMs: 5 },
    );
    await expect(failing).rejects.toThrow(/toBe/);
    await expect(failing).rejects.toThrow(`Received: ${calls}`);
    expect(calls).toBeGreaterThan(1);
  });

  it('fails an attempt that never settles at the deadline instead of hanging the test', async () => {
    const started = Date.now();
    await expect(eventually(() => new Promise<never>(() => undefined), { timeoutMs: 100 })).rejects.toThrow(
      /no attempt completed within 100 ms/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('retries rejected promises like thrown errors', async () => {
    let calls = 0;
    await expect(
      eventually(
        async () => {
          calls++;
          if (calls === 1) throw new Error('first');
          return calls;
        },
        { timeoutMs: 1_000, intervalMs: 1 },
      ),
    ).resolves.toBe(2);
  });
});
