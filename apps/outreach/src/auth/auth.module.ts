import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { type Logger } from '@revisit/observability';
import { REDIS_CLIENT, type RedisClient } from '@revisit/persistence';
import {
  BearerAuthGuard,
  JWT_VERIFIER,
  JwtVerifier,
  localIssuerKeys,
  remoteIssuerKeys,
  SERVICE_LOGGER,
  type TrustedIssuer,
} from '@revisit/platform';
import { DataSource } from 'typeorm';
import { type OutreachConfig } from '../config/outreach.config';
import { OUTREACH_CONFIG } from '../config/outreach-config.token';
import { PhoneVisibility } from '../security/phone-visibility';
import { RateLimitGuard } from '../security/rate-limit.guard';
import { RateLimiter } from '../security/rate-limiter';
import { AuthController, LOCAL_ISSUER } from './auth.controller';
import { AuthUsersError } from './auth-users.errors';
import { LocalIssuer } from './local-issuer';
import { LocalSigningKey } from './local-signing-key';
import { isRole } from './roles';
import { UserRepository } from './user.repository';

/** Creates the first admin from the environment (demo, first install), once. */
@Injectable()
class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(OUTREACH_CONFIG) private readonly config: OutreachConfig,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { AUTH_BOOTSTRAP_ADMIN_USERNAME: username, AUTH_BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!username || !password) return;
    const users = new UserRepository(this.dataSource.manager);
    if (await users.findByUsername(username)) return;
    const orgIds = (this.config.AUTH_BOOTSTRAP_ADMIN_ORGS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    try {
      await users.create({ username, password, roles: ['admin'].filter(isRole), orgIds, displayName: 'Administrator' });
      this.logger.info('bootstrap admin created');
    } catch (error) {
      if (!(error instanceof AuthUsersError)) throw error;
      this.logger.warn({ code: error.code }, 'bootstrap admin not created');
    }
  }
}

/**
 * Authentication and the global guards of the agents' API: deny by default (`BearerAuthGuard`), then the
 * Redis rate limit. Tokens from the configured OIDC provider and from the built-in issuer are accepted.
 */
@Module({})
export class AuthModule {
  static forConfig(config: OutreachConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [AuthController],
      providers: [
        { provide: OUTREACH_CONFIG, useValue: config },
        {
          provide: LOCAL_ISSUER,
          inject: [DataSource],
          useFactory: async (dataSource: DataSource) =>
            config.AUTH_LOCAL_ISSUER_ENABLED
              ? new LocalIssuer(await LocalSigningKey.loadOrCreate(dataSource), {
                  issuer: config.AUTH_LOCAL_ISSUER_URL,
                  audience: config.AUTH_AUDIENCE,
                  ttlSeconds: config.AUTH_TOKEN_TTL_SECONDS,
                })
              : undefined,
        },
        {
          provide: JWT_VERIFIER,
          inject: [LOCAL_ISSUER],
          useFactory: (local: LocalIssuer | undefined) => new JwtVerifier(trustedIssuers(config, local)),
        },
        {
          provide: RateLimiter,
          inject: [REDIS_CLIENT],
          useFactory: (redis: RedisClient) =>
            new RateLimiter(redis, {
              perMinute: config.RATE_LIMIT_PER_MINUTE,
              loginPerMinute: config.RATE_LIMIT_LOGIN_PER_MINUTE,
              callbacksPerMinute: config.RATE_LIMIT_CALLBACKS_PER_MINUTE,
              prefix: config.RATE_LIMIT_KEY_PREFIX,
            }),
        },
        { provide: PhoneVisibility, useValue: new PhoneVisibility(config.PHONE_UNMASKED_ROLES) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        BootstrapAdmin,
      ],
      exports: [OUTREACH_CONFIG, PhoneVisibility, RateLimiter, LOCAL_ISSUER],
    };
  }
}

function trustedIssuers(config: OutreachConfig, local: LocalIssuer | undefined): TrustedIssuer[] {
  const issuers: TrustedIssuer[] = [];
  if (local) {
    issuers.push({
      issuer: local.settings.issuer,
      audience: config.AUTH_AUDIENCE,
      keys: localIssuerKeys(local.jwks),
      rolesClaim: 'roles',
      orgsClaim: 'org_ids',
      algorithms: ['ES256'],
    });
  }
  if (config.AUTH_OIDC_ISSUER) {
    issuers.push({
      issuer: config.AUTH_OIDC_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: remoteIssuerKeys(config.AUTH_OIDC_ISSUER, config.AUTH_OIDC_JWKS_URI),
      rolesClaim: config.AUTH_OIDC_ROLES_CLAIM,
      orgsClaim: config.AUTH_OIDC_ORGS_CLAIM,
    });
  }
  return issuers;
}
