export { createLogger, LOG_LEVELS, type LogLevel, type LoggerOptions } from './logging/create-logger';
export { NestPinoLogger } from './logging/nest-logger';
export { runWithCorrelationId, currentCorrelationId } from './logging/correlation';
export { redact } from './redaction/redact';
export { redactText, REDACTED } from './redaction/sensitive-patterns';
export { isSensitiveKey } from './redaction/sensitive-keys';
export { shutdownTelemetry } from './telemetry/telemetry-shutdown';
export type { Logger } from 'pino';
