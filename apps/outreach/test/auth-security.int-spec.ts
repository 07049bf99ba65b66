import { listRouteAccess } from '@revisit/platform';
import { testDatabaseUrl, uniqueTopicPrefix } from '@revisit/testing';
import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { LocalSigningKey } from '../src/auth/local-signing-key';
import { type Role, ROLES } from '../src/auth/roles';
import { type OutreachInstance, startOutreach } from './support/outreach-instance';
import { createScratchDatabase, dropScratchDatabase } from './support/scratch-database';
import { bearer, signIn } from './support/users';

jest.setTimeout(120_000);

const ISSUER = 'http://outreach.test';

const WORKBENCH = [
  'GET /v1/worklist',
  'POST /v1/tasks/:taskId/claim',
  'POST /v1/tasks/:taskId/attempts',
  'POST /v1/tasks/:taskId/complete',
  'POST /v1/tasks/:taskId/reschedule',
  'POST /v1/tasks/:taskId/handover',
  'GET /v1/patients/:patientId',
  'PUT /v1/patients/:patientId/preferences',
  'PUT /v1/patients/:patientId/tags',
  'POST /v1/patients/:patientId/special-dates',
  'POST /v1/patients/:patientId/referrals',
  'POST /v1/tasks/:taskId/questionnaire-links',
  'POST /v1/complaints',
  'GET /v1/workload',
];
const AUDIT = ['GET /v1/audit/sampling', 'GET /v1/audit/calls', 'POST /v1/audit/calls/:callId/score'];

/** Who may call what; a new route must be added here, for each role that may call it. */
const ROLE_ROUTES: Record<Role, readonly string[]> = {
  agent: WORKBENCH,
  supervisor: [
    ...WORKBENCH,
    'GET /v1/complaints',
    'GET /v1/complaints/:complaintId',
    'POST /v1/complaints/:complaintId/assign',
    'POST /v1/complaints/:complaintId/resolve',
    'GET /v1/complaint-routing',
    ...AUDIT,
    'PUT /v1/audit/sampling',
    'PUT /v1/audit/sampling/:agentId',
  ],
  auditor: ['GET /v1/patients/:patientId', ...AUDIT],
  admin: ['GET /v1/complaint-routing', 'PUT /v1/complaint-routing'],
};

describe('outreach authentication on the real database and Redis', () => {
  const baseUrl = testDatabaseUrl();
  const dbName = `outreach_auth_${process.pid}`;
  let instance: OutreachInstance;
  let db: DataSource;

  beforeAll(async () => {
    const url = await createScratchDatabase(baseUrl, dbName);
    instance = await startOutreach(url, {
      AUTH_LOCAL_ISSUER_URL: ISSUER,
      RATE_LIMIT_LOGIN_PER_MINUTE: '3',
      RATE_LIMIT_KEY_PREFIX: uniqueTopicPrefix('auth'),
    });
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });

  afterAll(async () => {
    await instance?.app.close();
    await db?.destroy();
    await dropScratchDatabase(baseUrl, dbName);
  });

  it('gives every route an explicit access decision (public or roles)', () => {
    const routes = listRouteAccess(instance.app);
    expect(routes.length).toBeGreaterThan(3);
    expect(routes.filter((route) => route.access === undefined)).toEqual([]);
    const publicRoutes = routes.filter((route) => route.access?.kind === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /.well-known/jwks.json',
        'GET /.well-known/openid-configuration',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'POST /v1/auth/token',
        // Provider callbacks: no login, each request is verified by the provider's signature instead.
        'GET /v1/channels/wechat-oa/events',
        'POST /v1/channels/wechat-oa/events',
        'POST /v1/channels/phone/cti-events',
        'POST /v1/channels/phone/robot-results',
        // The API description: routes and roles, no data.
        'GET /docs',
        'GET /docs/openapi.json',
      ].sort(),
    );
  });

  it('lets each role reach exactly its routes', () => {
    const routes = listRouteAccess(instance.app);
    const reachable = (role: Role) =>
      routes
        .filter((route) => route.access?.kind === 'roles' && route.access.roles.includes(role))
        .map((route) => `${route.method} ${route.path}`)
        .sort();
    for (const role of ROLES) {
      expect({ role, routes: reachable(role) }).toEqual({ role, routes: [...ROLE_ROUTES[role]].sort() });
    }
  });

  it('issues an ES256 token with roles and organisations, and publishes discovery and keys', async () => {
    const token = await signIn(db, instance.url, { username: 'wang.li', roles: ['agent'], orgIds: ['org-a'] });
    expect(decodeJwt(token)).toMatchObject({
      iss: ISSUER,
      aud: 'revisit-outreach',
      roles: ['agent'],
      org_ids: ['org-a'],
    });
    const discovery = (await (await fetch(`${instance.url}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({ issuer: ISSUER, jwks_uri: `${ISSUER}/.well-known/jwks.json` });
    const jwks = (await (await fetch(`${instance.url}/.well-known/jwks.json`)).json()) as { keys: { d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('answers a wrong password and an unknown user the same way, as problem+json', async () => {
    await signIn(db, instance.url, { username: 'zhao.min', roles: ['agent'], orgIds: ['org-a'] });
    const attempt = (username: string) =>
      fetch(`${instance.url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username, password: 'not the password at all' }),
      });
    for (const response of [await attempt('zhao.min'), await attempt('nobody')]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ code: 'auth.invalid-grant' });
    }
  });

  it('limits password guessing per user and address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${instance.url}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username: 'guessed', password: `guess-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });

  it('refuses a missing, tampered or expired token, and a token of an issuer it does not trust', async () => {
    const token = await signIn(db, instance.url, { username: 'sun.hui', roles: ['agent'], orgIds: ['org-a'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    const key = await LocalSigningKey.loadOrCreate(db);
    const expired = await key.sign(
      { roles: ['agent'], org_ids: ['org-a'] },
      { issuer: ISSUER, audience: 'revisit-outreach', subject: 'x', ttlSeconds: -120 },
    );
    const foreign = await key.sign(
      { roles: ['agent'], org_ids: ['org-a'] },
      { issuer: 'https://elsewhere.example', audience: 'revisit-outreach', subject: 'x', ttlSeconds: 300 },
    );
    const worklist = (headers: Record<string, string>) => fetch(`${instance.url}/v1/worklist`, { headers });
    expect((await worklist(bearer(token))).status).toBe(200);
    const refused = [
      await worklist({}),
      ...(await Promise.all([tampered, expired, foreign].map((t) => worklist(bearer(t))))),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await refused[0]!.json()).toMatchObject({ code: 'auth.missing-token' });
    expect(await refused[1]!.json()).toMatchObject({ code: 'auth.invalid-token' });
  });

  it('keeps the audit log append-only at the database', async () => {
    await db.query(
      `INSERT INTO outreach.audit_log (actor_subject, actor_issuer, org_id, patient_id, action)
       VALUES ('u', 'i', 'org-a', 'EP1', 'patient.view')`,
    );
    await expect(db.query(`UPDATE outreach.audit_log SET patient_id = 'EP2'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM outreach.audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE outreach.audit_log`)).rejects.toThrow(/append-only/);
  });
});
