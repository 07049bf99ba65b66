import { spawn } from 'node:child_process';
import path from 'node:path';
import { ORGANISATIONS } from '@revisit/sample-data';

/** Where the demo's services find the outreach issuer: local tokens are checked against its JWKS. */
export const DEMO_ISSUER = 'http://127.0.0.1:3003';
const DEMO_JWKS = `${DEMO_ISSUER}/.well-known/jwks.json`;
const DEMO_AUDIENCE = 'revisit-outreach';

/**
 * The demo ingest's own organisation (ORG_ID), for any source registered without one; the sample's sources
 * are registered with their own organisations, so each feed's facts arrive under its hospital, pharmacy or
 * clinic.
 */
export const DEMO_INGEST_ORG = ORGANISATIONS[0]!.id;

/**
 * Per-service settings that join the demo into one system: every service trusts the outreach issuer's tokens,
 * so one sign-in at the console works for the workbench, the dashboard, plans and the EMPI review queue.
 */
export const DEMO_SERVICE_ENV: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ingest: {
    ORG_ID: DEMO_INGEST_ORG,
    STAFF_OIDC_ISSUER_URL: DEMO_ISSUER,
    STAFF_OIDC_JWKS_URL: DEMO_JWKS,
    STAFF_OIDC_AUDIENCE: DEMO_AUDIENCE,
  },
  scheduler: { AUTH_ISSUER: DEMO_ISSUER, AUTH_JWKS_URL: DEMO_JWKS, AUTH_AUDIENCE: DEMO_AUDIENCE },
  outreach: { AUTH_LOCAL_ISSUER_URL: DEMO_ISSUER, AUTH_AUDIENCE: DEMO_AUDIENCE },
  analytics: { AUTH_ISSUER: DEMO_ISSUER, AUTH_JWKS_URL: DEMO_JWKS, AUTH_AUDIENCE: DEMO_AUDIENCE },
  console: {},
};

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly name: string;
  readonly staffId: string;
}

/** Demo sign-ins, printed by `revisit demo`; for a demo database only, never for a real installation. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'li.agent', password: 'Revisit-demo-agent', roles: ['agent'], name: '李坐席', staffId: 'staff-0007' },
  {
    username: 'zhang.supervisor',
    password: 'Revisit-demo-supervisor',
    roles: ['supervisor'],
    name: '张主管',
    staffId: 'staff-0001',
  },
  { username: 'wang.admin', password: 'Revisit-demo-admin', roles: ['admin'], name: '王管理员', staffId: 'staff-0100' },
  {
    username: 'zhao.auditor',
    password: 'Revisit-demo-auditor',
    roles: ['auditor'],
    name: '赵质控',
    staffId: 'staff-0009',
  },
];

/** Exit code of `revisit outreach users add` when the user exists already (a demo started before). */
const EXIT_REFUSED = 65;

/**
 * Adds the demo accounts through `revisit outreach users add`, as an installer would, for every demo
 * organisation. A second demo run finds them in place and leaves them as they are.
 */
export async function ensureDemoAccounts(root: string, databaseUrl: string): Promise<string[]> {
  const orgs = ORGANISATIONS.map((org) => org.id).join(',');
  const outcomes: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const { code, output } = await usersAdd(root, databaseUrl, orgs, account);
    if (code === 0) outcomes.push(`created ${account.username}`);
    else if (code === EXIT_REFUSED && output.includes('auth.username-taken')) outcomes.push(`kept ${account.username}`);
    else throw new Error(`could not add demo user ${account.username} (exit ${code}): ${output.trim()}`);
  }
  return outcomes;
}

function usersAdd(root: string, databaseUrl: string, orgs: string, account: DemoAccount) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'dist', 'apps', 'outreach', 'src', 'cli', 'main.js'),
      'users',
      'add',
      '--username',
      account.username,
      '--roles',
      account.roles.join(','),
      '--orgs',
      orgs,
      '--name',
      account.name,
      '--staff-id',
      account.staffId,
    ],
    { cwd: root, env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(`${account.password}\n`);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

/** The sign-in table printed once the demo is up. */
export function describeDemoAccounts(): string {
  return DEMO_ACCOUNTS.map(
    (a) => `  ${a.roles.join(',').padEnd(11)} ${a.username.padEnd(17)} ${a.password.padEnd(24)} ${a.name}`,
  ).join('\n');
}
