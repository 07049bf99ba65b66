import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePortPair, findRepoRoot, probeKafka } from '@revisit/local-infra';
import { testDatabaseUrl, testRedisUrl } from '@revisit/testing';

const root = findRepoRoot();

/**
 * The whole user journey without Docker: `infra up` starts a JVM broker from the cached jars, `status`
 * sees it, a second `up` reuses it, `down` stops it. Runs on a free port with its own state dir so it
 * neither collides with the run's broker nor with a developer's `revisit infra up`.
 */
describe('revisit infra up | status | down (local JVM broker)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'revisit-infra-'));
    port = await findFreePortPair();
    env = { ...process.env, REVISIT_INFRA_DIR: dir, REVISIT_KAFKA_PORT: String(port), REVISIT_DOCKER: '0' };
    delete env.KAFKA_BROKERS;
    env.DATABASE_URL = testDatabaseUrl();
    env.REDIS_URL = testRedisUrl();
  });

  afterAll(() => {
    // Whatever happened above, leave no broker behind.
    revisit('infra', 'down');
    rmSync(dir, { recursive: true, force: true });
  });

  function revisit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'revisit.mjs'), ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 150_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('starts, reports, reuses and stops the broker, recording it in the state file', async () => {
    const up = revisit('infra', 'up');
    expect(up.stderr).toBe('');
    expect(up.stdout).toContain(`KAFKA_BROKERS=127.0.0.1:${port}`);
    expect(up.status).toBe(0);
    const state = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as {
      kafka: { kind: string; port: number; pid: number };
    };
    expect(state.kafka).toMatchObject({ kind: 'local-jvm', port });
    expect(await probeKafka([`127.0.0.1:${port}`])).toEqual({ reachable: true });

    const status = revisit('infra', 'status');
    expect(status.stdout).toMatch(new RegExp(`^kafka\\s+reachable\\s+127\\.0\\.0\\.1:${port}\\s+\\(local-jvm\\)`, 'm'));
    expect(status.status).toBe(0);

    const again = revisit('infra', 'up');
    expect(again.stdout).toContain('was already up');
    expect(again.status).toBe(0);

    const down = revisit('infra', 'down');
    expect(down.stdout).toContain(`pid ${state.kafka.pid}`);
    expect(down.status).toBe(0);
    expect(existsSync(path.join(dir, 'state.json'))).toBe(false);
    expect(await probeKafka([`127.0.0.1:${port}`])).toMatchObject({ reachable: false });

    const after = revisit('infra', 'status');
    expect(after.stdout).toMatch(/^kafka\s+unreachable\s/m);
    expect(after.status).toBe(1);
  }, 300_000);

  it('refuses to start on a busy port with one sentence and the prerequisite exit code', () => {
    // The run's PostgreSQL listens on its port, which makes a reliably busy port for the broker.
    const pgPort = new URL(testDatabaseUrl()).port || '5432';
    const blocked = spawnSync(process.execPath, [path.join(root, 'bin', 'revisit.mjs'), 'infra', 'up'], {
      cwd: root,
      env: { ...env, REVISIT_KAFKA_PORT: pgPort, REVISIT_INFRA_DIR: path.join(dir, 'blocked') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(blocked.stderr.trim()).toMatch(new RegExp(`^revisit: Port ${pgPort} is already in use.*REVISIT_KAFKA_PORT`));
    expect(blocked.stderr.trim().split('\n')).toHaveLength(1);
    expect(blocked.status).toBe(3);
  }, 60_000);
});
