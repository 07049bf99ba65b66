import { type RouteAccessEntry } from '@revisit/platform';
import { type OpenAPIObject } from '@nestjs/swagger';

type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; security?: unknown };

const PROBLEM_RESPONSE = { $ref: '#/components/responses/Problem' };

/** Problems every signed-in route can answer, whatever its feature: bad input, no or bad token, wrong role, limits. */
const COMMON_PROBLEMS = ['400', '401', '403', '429', '500'];

/**
 * Completes the document Nest's scanner produced with what the code knows and decorators do not say: which
 * routes need a bearer token and which roles (from the same metadata the guard enforces), and that errors
 * are RFC 9457 problem+json. Declares OpenAPI 3.1, whose schemas are plain JSON Schema like our validators.
 */
export function completeDocument(scanned: OpenAPIObject, routes: readonly RouteAccessEntry[]): OpenAPIObject {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = route.method.toLowerCase();
    const scannedOperation = (scanned.paths[path] as Record<string, Operation> | undefined)?.[method] ?? {};
    const access = route.access;
    const isPublic = access?.kind === 'public';
    const roles = access?.kind === 'roles' ? access.roles : [];
    // Writes can name things that do not exist (404) or break a rule of their feature (409/422).
    const writes = method === 'get' ? [] : ['404', '409', '422'];
    const problems = isPublic
      ? ['400', '500']
      : [...new Set([...COMMON_PROBLEMS, ...(path.includes('{') ? ['404'] : []), ...writes])].sort();
    const operation: Operation = {
      ...scannedOperation,
      security: isPublic ? [] : [{ bearer: [] }],
      ...(isPublic ? { 'x-public': true } : { 'x-roles': roles }),
      description: isPublic ? 'Public: no token.' : `Roles: ${roles.join(', ')}.`,
      responses: {
        ...(scannedOperation.responses ?? {}),
        ...Object.fromEntries(problems.map((status) => [status, PROBLEM_RESPONSE])),
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [method]: operation };
  }
  return {
    ...scanned,
    openapi: '3.1.0',
    paths,
    security: [{ bearer: [] }],
    components: {
      ...scanned.components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ...(scanned.components?.schemas ?? {}), Problem: PROBLEM_SCHEMA },
      responses: {
        Problem: {
          description: "RFC 9457 problem details; `code` is one value of the feature's closed error-code enum.",
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, e.g. `worklist.already-claimed`.' },
    errorId: { type: 'string', description: 'On 500s only: where the details were logged.' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};
