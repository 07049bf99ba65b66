import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** The ingest service's environment, validated once at boot (see `loadConfig`). */
export const ingestConfigSchema = Type.Object({
  ...commonConfigProperties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3001 }),
  // The HL7 v2 MLLP listener's port (the listener itself lives in the hl7v2 feature).
  MLLP_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 2575 }),
  // MLLP over TLS with client certificates: PEM server key and certificate, and the CA that signs the
  // senders' certificates (usually given as MLLP_TLS_*_FILE). All three, or none for plain MLLP.
  MLLP_TLS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  MLLP_TLS_CERT: Type.Optional(Type.String({ minLength: 1 })),
  MLLP_TLS_CA: Type.Optional(Type.String({ minLength: 1 })),
  // HTTPS for the HTTP and FHIR feeds (and every other route) with client certificates: PEM server key and
  // certificate, and the CA that signs the sources' certificates (usually as HTTP_TLS_*_FILE). All three, or
  // none for plain HTTP behind a TLS-terminating proxy.
  HTTP_TLS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  HTTP_TLS_CERT: Type.Optional(Type.String({ minLength: 1 })),
  HTTP_TLS_CA: Type.Optional(Type.String({ minLength: 1 })),
  // Staff bearer tokens (quarantine replay): the outreach issuer's URL, its audience and roles claim.
  STAFF_OIDC_ISSUER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  STAFF_OIDC_JWKS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  STAFF_OIDC_AUDIENCE: Type.String({ minLength: 1, default: 'revisit' }),
  STAFF_ROLES_CLAIM: Type.String({ minLength: 1, default: 'roles' }),
  // Tenant stamped on every event ingest publishes (CloudEvents orgid, data.orgId).
  ORG_ID: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', default: 'org-default' }),
  // How often the EMPI stage looks for stored feed messages when idle.
  EMPI_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 60000, default: 200 }),
});

export type IngestConfig = Static<typeof ingestConfigSchema>;
