import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from '@revisit/observability';
import { ServiceLifecycle } from './bootstrap/service-lifecycle';
import type { CommonConfig } from './config/common-config';
import { ProblemExceptionFilter } from './errors/problem-exception.filter';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness-registry';
import { CorrelationIdMiddleware } from './http/correlation-id.middleware';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics-registry';
import { COMMON_CONFIG, SERVICE_LOGGER, SERVICE_NAME } from './platform.tokens';

export interface PlatformModuleOptions {
  readonly service: string;
  readonly config: CommonConfig;
  readonly logger: Logger;
  /** Created by `bootstrapService` so module factories can hand it to libraries; a fresh one otherwise. */
  readonly metrics?: MetricsRegistry;
}

/**
 * What every service has: health and metrics endpoints, problem+json errors, correlation ids, and the
 * registries (readiness, metrics, lifecycle) that other modules plug into. Global so feature and
 * infrastructure modules can inject them without importing this module.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const metricsRegistry = {
      provide: MetricsRegistry,
      useFactory: () => {
        const metrics = options.metrics ?? new MetricsRegistry();
        metrics.setServiceLabel(options.service);
        return metrics;
      },
    };
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: COMMON_CONFIG, useValue: options.config },
        { provide: SERVICE_LOGGER, useValue: options.logger },
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        ReadinessRegistry,
        ServiceLifecycle,
        metricsRegistry,
      ],
      exports: [SERVICE_NAME, COMMON_CONFIG, SERVICE_LOGGER, ReadinessRegistry, ServiceLifecycle, MetricsRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware, HttpMetricsMiddleware).forRoutes('{*splat}');
  }
}
