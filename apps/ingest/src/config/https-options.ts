import { type HttpsListenOptions } from '@revisit/platform';
import { type IngestConfig } from './ingest.config';

/**
 * HTTPS for the service's HTTP port when HTTP_TLS_* is configured. Client certificates are requested but
 * not required at the handshake: sources with API keys, staff and health probes share the port. The feed
 * guard accepts a certificate only when the CA verified it and a source lists its fingerprint.
 */
export function ingestHttpsOptions(config: IngestConfig): HttpsListenOptions | undefined {
  const { HTTP_TLS_KEY: key, HTTP_TLS_CERT: cert, HTTP_TLS_CA: ca } = config;
  if (key === undefined && cert === undefined && ca === undefined) return undefined;
  if (!key || !cert || !ca)
    throw new Error('HTTP_TLS_KEY, HTTP_TLS_CERT and HTTP_TLS_CA are set together or not at all');
  return { key, cert, ca, requestCert: true, rejectUnauthorized: false };
}
