import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BearerAuthGuard, JWT_VERIFIER, JwtVerifier, remoteIssuerKeys, type TrustedIssuer } from '@revisit/platform';
import { type SchedulerConfig } from '../config/scheduler.config';

/** Staff tokens the scheduler trusts; none without AUTH_ISSUER, so /v1 fails closed (401). */
export function trustedIssuers(config: SchedulerConfig): TrustedIssuer[] {
  if (config.AUTH_ISSUER === undefined) return [];
  const jwksUrl = config.AUTH_JWKS_URL ?? `${config.AUTH_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`;
  return [
    {
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: remoteIssuerKeys(config.AUTH_ISSUER, jwksUrl),
      rolesClaim: config.AUTH_ROLES_CLAIM,
      orgsClaim: config.AUTH_ORGS_CLAIM,
    },
  ];
}

/** Every route denied unless it declares `@Public()` or `@Roles(...)` (platform bearer guard, global). */
@Module({})
export class AccessModule {
  static forConfig(config: SchedulerConfig): DynamicModule {
    return {
      module: AccessModule,
      providers: [
        { provide: JWT_VERIFIER, useValue: new JwtVerifier(trustedIssuers(config)) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
      ],
    };
  }
}
