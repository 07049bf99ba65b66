import { type FeedEdgeOptions } from '../raw-messages/raw-messages.module';
import { OidcStaffAuthenticator } from '../staff/oidc-staff-authenticator';
import { type IngestConfig } from './ingest.config';

/** The feed edge's options from the validated config: MLLP (optionally TLS) and the staff token issuer. */
export function feedEdgeOptions(config: IngestConfig): FeedEdgeOptions {
  const { MLLP_TLS_KEY: key, MLLP_TLS_CERT: cert, MLLP_TLS_CA: ca } = config;
  return {
    receive: { zone: config.ORG_TIMEZONE },
    mllp: { port: config.MLLP_PORT, ...(key && cert && ca ? { tls: { key, cert, ca } } : {}) },
    ...(config.STAFF_OIDC_ISSUER_URL
      ? {
          staffAuthenticator: new OidcStaffAuthenticator({
            issuerUrl: config.STAFF_OIDC_ISSUER_URL,
            audience: config.STAFF_OIDC_AUDIENCE,
            rolesClaim: config.STAFF_ROLES_CLAIM,
            jwksUrl: config.STAFF_OIDC_JWKS_URL,
          }),
        }
      : {}),
  };
}
