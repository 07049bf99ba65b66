/**
 * Stand-in for the outreach agents' API, implementing exactly the documented shapes (apps/console/README.md
 * "API contract"): ES256 tokens from a password grant, each later call verified (signature, issuer, audience,
 * expiry) and scoped by role, as the real service does. Used only while the real routes are not there.
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { type HttpCall, problem, type Reply, startJsonServer } from './json-http';

export const CONTRACT_ISSUER = 'http://contract-outreach/';
export const CONTRACT_AUDIENCE = 'revisit';
const ISSUER = CONTRACT_ISSUER;
const AUDIENCE = CONTRACT_AUDIENCE;
const DISPOSITIONS = new Set([
  'answered',
  'no-answer',
  'busy',
  'unreachable',
  'wrong-number',
  'line-fault',
  'refused',
  'do-not-contact',
  'moved-away',
  'deceased',
  'changed-therapy',
]);

interface User {
  readonly password: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly staffId: string;
}

export const CONTRACT_USERS: Record<string, User> = {
  'zhang.supervisor': { password: 'Zhuguan#2026', name: '张主管', roles: ['supervisor'], staffId: 'staff-0001' },
  'li.agent': { password: 'Zuoxi#2026', name: '李坐席', roles: ['agent'], staffId: 'staff-0007' },
  'zhao.auditor': { password: 'Shenji#2026', name: '赵审计', roles: ['auditor'], staffId: 'staff-0009' },
};

export interface ContractTask {
  readonly taskId: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly purpose: string;
  readonly dueAt: string;
  readonly priority: number;
  readonly channel: 'phone-agent';
  claimedBy?: string;
  attempts: unknown[];
  completion?: unknown;
}

export async function startContractOutreach(tasks: ContractTask[], org = 'org-demo-dental') {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const complaints: unknown[] = [];

  const authorised = async (call: HttpCall, roles: readonly string[]): Promise<JWTPayload | Reply> => {
    const header = call.headers['authorization'] ?? '';
    if (!header.startsWith('Bearer ')) return problem(401, 'auth.missing-token', 'Sign in first');
    try {
      const { payload } = await jwtVerify(header.slice(7), publicKey, { issuer: ISSUER, audience: AUDIENCE });
      const held = (payload['roles'] as string[] | undefined) ?? [];
      return held.some((role) => roles.includes(role)) ? payload : problem(403, 'auth.forbidden', 'Not allowed');
    } catch {
      return problem(401, 'auth.invalid-token', 'The token is invalid or expired');
    }
  };
  const isReply = (value: JWTPayload | Reply): value is Reply => 'status' in value && typeof value.status === 'number';

  const server = await startJsonServer(async (call) => {
    if (call.method === 'POST' && call.path === '/v1/auth/token') {
      const body = call.body as Record<string, string> | undefined;
      const user = body?.['username'] ? CONTRACT_USERS[body['username']] : undefined;
      if (body?.['grant_type'] !== 'password' || !user || user.password !== body['password']) {
        return problem(400, 'auth.invalid-grant', 'Wrong username or password');
      }
      const token = await new SignJWT({
        roles: user.roles,
        org_ids: [org],
        staff_id: user.staffId,
        name: user.name,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'contract' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(body['username'] as string)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
    }
    if (call.path === '/.well-known/jwks.json') return { status: 200, body: { keys: [{ ...jwk, kid: 'contract' }] } };

    const caller = await authorised(call, ['agent', 'supervisor']);
    if (isReply(caller)) return caller;
    const me = String(caller.sub);

    if (call.method === 'GET' && call.path === '/v1/worklist') {
      const items = tasks
        .filter((t) => !t.completion && (!t.claimedBy || t.claimedBy === me))
        .map(({ attempts: _a, completion: _c, ...item }) => item);
      return { status: 200, body: { items } };
    }
    const taskRoute = /^\/v1\/tasks\/([^/]+)\/(claim|patient|attempts|complete)$/.exec(call.path);
    if (taskRoute) {
      const task = tasks.find((t) => t.taskId === taskRoute[1]);
      if (!task) return problem(404, 'outreach.task-not-found', 'No such task');
      if (taskRoute[2] === 'claim' && call.method === 'POST') {
        if (task.claimedBy && task.claimedBy !== me) return problem(409, 'outreach.task-claimed', 'Already claimed');
        task.claimedBy = me;
        return { status: 200, body: { taskId: task.taskId, leaseExpiresAt: '2026-03-02T12:30:00+08:00' } };
      }
      if (task.claimedBy !== me) return problem(409, 'outreach.task-not-claimed', 'Claim the task first');
      if (taskRoute[2] === 'patient' && call.method === 'GET') {
        return {
          status: 200,
          body: {
            patientId: task.patientId,
            name: task.patientName,
            gender: 'female',
            birthDate: '1958-04-12',
            phone: '138****5678',
            tags: ['重点患者'],
            specialDates: [{ kind: '生日', date: '04-12' }],
            recentDispensings: [{ at: '2026-02-20T09:15:00+08:00', description: '氨氯地平片 5mg × 28' }],
            recentTreatments: [{ at: '2026-02-20T08:40:00+08:00', description: '高血压复诊' }],
            pastFollowUps: [{ at: '2026-01-21T10:00:00+08:00', description: '电话回访：已接通，血压控制良好' }],
          },
        };
      }
      if (taskRoute[2] === 'attempts' && call.method === 'POST') {
        const attempt = call.body as { disposition?: string; talkSeconds?: number; channel?: string };
        if (
          !attempt?.disposition ||
          !DISPOSITIONS.has(attempt.disposition) ||
          typeof attempt.talkSeconds !== 'number'
        ) {
          return problem(400, 'request.invalid', 'Invalid attempt');
        }
        task.attempts.push(attempt);
        return { status: 201, body: { attemptId: `attempt-${task.attempts.length}` } };
      }
      if (taskRoute[2] === 'complete' && call.method === 'POST') {
        const survey = (call.body as { survey?: { nps?: number; csat?: number } })?.survey;
        if (survey?.nps !== undefined && !(Number.isInteger(survey.nps) && survey.nps >= 0 && survey.nps <= 10)) {
          return problem(400, 'request.invalid', 'nps must be 0-10');
        }
        task.completion = call.body;
        return { status: 204 };
      }
    }
    if (call.method === 'POST' && call.path === '/v1/complaints') {
      complaints.push(call.body);
      return { status: 201, body: { complaintId: `complaint-${complaints.length}` } };
    }
    return problem(404, 'not-found', 'No such route');
  });
  return { ...server, complaints, authorised, isReply };
}
