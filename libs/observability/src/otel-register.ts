/**
 * Preloaded with `node --require ./dist/libs/observability/src/otel-register.js dist/apps/<app>/src/main.js`
 * so the instrumentations patch http, express and pg before the service requires them. Imports no business
 * code. Tracing is off unless the standard OTel environment asks for it.
 */
import { telemetryWanted } from './telemetry/telemetry-wanted';

if (telemetryWanted(process.env)) {
  // Required lazily and synchronously: the SDK takes seconds to load, which a boot without tracing should
  // not pay, and it must be running before the service's own modules load, which rules out import().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTelemetry } = require('./telemetry/start-telemetry') as typeof import('./telemetry/start-telemetry');
  startTelemetry(process.env);
}
