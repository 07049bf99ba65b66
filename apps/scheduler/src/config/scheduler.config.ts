import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** The scheduler service's environment, validated once at boot (see `loadConfig`). */
export const schedulerConfigSchema = Type.Object({
  ...commonConfigProperties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3002 }),
  /** Tasks claimed per dispatch transaction. */
  DISPATCH_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  /** Pause between dispatch rounds when nothing is backlogged; bounds how late a due task goes out. */
  DISPATCH_INTERVAL_MS: Type.Integer({ minimum: 50, maximum: 600_000, default: 1000 }),
  /** Ceiling on task-due events per second per replica: a backlog drains as a stream, not a flood. */
  DISPATCH_MAX_PER_SECOND: Type.Integer({ minimum: 1, maximum: 100_000, default: 500 }),
  /** `iss` of the staff sign-in service (outreach or the hospital's OIDC provider); unset: every /v1 call is 401. */
  AUTH_ISSUER: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_AUDIENCE: Type.String({ minLength: 1, default: 'revisit-outreach' }),
  /** The issuer's JWKS; defaults to `<AUTH_ISSUER>/.well-known/jwks.json`. */
  AUTH_JWKS_URL: Type.Optional(Type.String({ format: 'uri' })),
  /** Dotted paths of the roles and organisations claims (e.g. `realm_access.roles` for Keycloak). */
  AUTH_ROLES_CLAIM: Type.String({ minLength: 1, default: 'roles' }),
  AUTH_ORGS_CLAIM: Type.String({ minLength: 1, default: 'org_ids' }),
});

export type SchedulerConfig = Static<typeof schedulerConfigSchema>;
