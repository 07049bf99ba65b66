import { startServiceProcess, type ServiceProcess } from './service-process';

/** The built analytics service in its own process, trusting the given issuer's tokens. */
export function startAnalyticsProcess(auth: {
  issuer: string;
  audience: string;
  jwksUrl: string;
}): Promise<ServiceProcess> {
  return startServiceProcess('analytics', {
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audience,
    AUTH_JWKS_URL: auth.jwksUrl,
  });
}
