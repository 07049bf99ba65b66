import { spawn } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import { startServiceProcess, type ServiceProcess } from './service-process';

export interface ConsoleUser {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly ('agent' | 'supervisor' | 'admin' | 'auditor')[];
  readonly staffId?: string;
  readonly name: string;
}

/** Adds a local-issuer user with `revisit outreach users add`, the password on stdin, as an installer does. */
async function addUser(databaseUrl: string, orgId: string, user: ConsoleUser): Promise<void> {
  const root = findRepoRoot();
  const args = [
    path.join(root, 'bin', 'revisit.mjs'),
    'outreach',
    'users',
    'add',
    '--username',
    user.username,
    '--roles',
    user.roles.join(','),
    '--orgs',
    orgId,
    '--name',
    user.name,
    ...(user.staffId ? ['--staff-id', user.staffId] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stdin.end(`${user.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`users add ${user.username} exited ${code}: ${output.join('')}`);
}

/**
 * The built outreach service in its own process, with its local issuer and the given users: the agents' API
 * exactly as the demo runs it. Quiet hours are off so a test passes at any hour.
 */
export async function startOutreachProcess(
  orgId: string,
  users: readonly ConsoleUser[],
): Promise<ServiceProcess & { readonly issuer: string }> {
  const issuer = `http://outreach-under-test-${process.pid}`;
  const service = await startServiceProcess('outreach', {
    AUTH_LOCAL_ISSUER_URL: issuer,
    QUIET_HOURS_FROM: '00:00',
    QUIET_HOURS_TO: '00:00',
    RATE_LIMIT_KEY_PREFIX: `revisit:console-test:${process.pid}:`,
    SMS_PROVIDER: 'none',
  });
  try {
    for (const user of users) await addUser(service.databaseUrl, orgId, user);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { ...service, issuer };
}
