export {
  bootstrapService,
  EXIT_INVALID_CONFIG,
  type HttpsListenOptions,
  type RunningService,
  type ServiceContext,
  type ServiceDefinition,
} from './bootstrap/bootstrap-service';
export { ServiceLifecycle } from './bootstrap/service-lifecycle';
export { commonConfigProperties } from './config/common-config.schema';
export type { CommonConfig } from './config/common-config';
export { ConfigValidationError } from './config/config-error';
export { parseBrokerList } from './config/formats';
export { loadConfig } from './config/load-config';
export { DomainError, type ProblemCatalogue, type ProblemDescriptor } from './errors/domain-error';
export { parseRequest } from './errors/parse-request';
export { PROBLEM_CONTENT_TYPE, problemType, type FieldProblem, type ProblemDetails } from './errors/problem-details';
export { RequestValidationError } from './errors/request-validation-error';
export { ReadinessRegistry, type ReadinessCheck, type ReadinessReport } from './health/readiness-registry';
export { CORRELATION_HEADER } from './http/correlation-id.middleware';
export { MetricsRegistry } from './metrics/metrics-registry';
export { PlatformModule, type PlatformModuleOptions } from './platform.module';
export { COMMON_CONFIG, SERVICE_LOGGER, SERVICE_NAME } from './platform.tokens';
export { ServiceMessagingModule, type ServiceMessagingOptions } from './messaging/service-messaging.module';
export * from './auth';
