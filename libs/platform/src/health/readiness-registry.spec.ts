import { ReadinessRegistry } from './readiness-registry';

describe('ReadinessRegistry', () => {
  it('is ready when every check passes', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', () => Promise.resolve());
    registry.register('redis', () => Promise.resolve());
    const report = await registry.evaluate();
    expect(report.status).toBe('ready');
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['database', 'up'],
      ['redis', 'up'],
    ]);
  });

  it('reports each failing or hung check with a masked reason', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', () => Promise.reject(new Error('password authentication failed for 13812345678')));
    registry.register('kafka', () => new Promise<void>(() => undefined), { timeoutMs: 20 });
    registry.register('redis', () => Promise.resolve());
    const report = await registry.evaluate();
    expect(report.status).toBe('not-ready');
    expect(report.checks).toEqual([
      expect.objectContaining({
        name: 'database',
        status: 'down',
        reason: 'password authentication failed for [REDACTED]',
      }),
      expect.objectContaining({ name: 'kafka', status: 'down', reason: 'timed out after 20 ms' }),
      expect.objectContaining({ name: 'redis', status: 'up' }),
    ]);
  });

  it('reports draining once shutdown began, even with healthy checks', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', () => Promise.resolve());
    registry.markDraining();
    expect((await registry.evaluate()).status).toBe('draining');
  });

  it('refuses two checks with the same name', () => {
    const registry = new ReadinessRegistry();
    registry.register('database', () => Promise.resolve());
    expect(() => registry.register('database', () => Promise.resolve())).toThrow('already registered');
  });
});
