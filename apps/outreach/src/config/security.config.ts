import { Type } from '@sinclair/typebox';

const optionalText = (description: string) => Type.Optional(Type.String({ minLength: 1, description }));

/** Authentication, authorisation, rate limits and masking of the agents' API. */
export const securityConfigProperties = {
  AUTH_AUDIENCE: Type.String({ minLength: 1, default: 'revisit-outreach', description: 'Required `aud` of tokens' }),
  AUTH_OIDC_ISSUER: optionalText('Issuer URL of the hospital OIDC provider; unset = local issuer only'),
  AUTH_OIDC_JWKS_URI: optionalText('JWKS URL; discovered from the issuer when unset'),
  AUTH_OIDC_ROLES_CLAIM: Type.String({ minLength: 1, default: 'roles', description: 'e.g. realm_access.roles' }),
  AUTH_OIDC_ORGS_CLAIM: Type.String({ minLength: 1, default: 'org_ids' }),
  AUTH_LOCAL_ISSUER_ENABLED: Type.Boolean({ default: true, description: 'Built-in issuer with users in PostgreSQL' }),
  AUTH_LOCAL_ISSUER_URL: Type.String({
    minLength: 1,
    default: 'http://localhost:3003',
    description: 'Public base URL of this service: the `iss` of local tokens',
  }),
  AUTH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 86400, default: 900 }),
  AUTH_BOOTSTRAP_ADMIN_USERNAME: optionalText('Creates this admin at boot when missing (demo, first install)'),
  AUTH_BOOTSTRAP_ADMIN_PASSWORD: optionalText('Password of the bootstrap admin (use _FILE in production)'),
  AUTH_BOOTSTRAP_ADMIN_ORGS: optionalText('Comma-separated organisations of the bootstrap admin'),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600, description: 'Requests per user (or IP) a minute' }),
  RATE_LIMIT_LOGIN_PER_MINUTE: Type.Integer({ minimum: 1, default: 10, description: 'Token requests per user+IP' }),
  RATE_LIMIT_CALLBACKS_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 12000,
    description: 'Signed provider callbacks (SMS receipts, robot results, CTI events) per sending IP a minute',
  }),
  RATE_LIMIT_KEY_PREFIX: Type.String({ default: 'revisit:outreach:', description: 'Redis key prefix of the counters' }),
  PHONE_UNMASKED_ROLES: Type.String({
    default: 'supervisor',
    description: 'Comma-separated roles that see full phone numbers; everyone else sees 138****5678',
  }),
};
