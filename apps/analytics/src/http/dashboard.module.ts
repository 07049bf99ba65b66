import { type DynamicModule, Module } from '@nestjs/common';
import { AnalyticsAccessGuard, BEARER_VERIFIER } from '../access/analytics-access.guard';
import { BearerTokenVerifier } from '../access/bearer-token.verifier';
import { MetricsController } from './metrics.controller';
import { ANALYTICS_ZONE } from './zone.token';

export interface DashboardSettings {
  readonly zone: string;
  readonly auth?: { readonly issuer: string; readonly audience: string; readonly jwksUrl?: string };
}

/** The metric API behind the bearer-token guard. */
@Module({})
export class DashboardModule {
  static forSettings(settings: DashboardSettings): DynamicModule {
    const auth = settings.auth;
    const verifier =
      auth === undefined
        ? null
        : new BearerTokenVerifier({
            issuer: auth.issuer,
            audience: auth.audience,
            jwksUrl: auth.jwksUrl ?? `${auth.issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
          });
    return {
      module: DashboardModule,
      // Global so every controller of the app can use the access guard and its verifier.
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: ANALYTICS_ZONE, useValue: settings.zone },
        { provide: BEARER_VERIFIER, useValue: verifier },
        AnalyticsAccessGuard,
      ],
      exports: [ANALYTICS_ZONE, BEARER_VERIFIER, AnalyticsAccessGuard],
    };
  }
}
