import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { publishTelemetryShutdown } from './telemetry-shutdown';

/** Starts tracing with the standard `OTEL_*` environment (service name, endpoint, sampler, resource). */
export function startTelemetry(env: NodeJS.ProcessEnv): void {
  const sdk = new NodeSDK({
    // With OTEL_TRACES_EXPORTER set the SDK builds the exporters from the environment itself.
    ...(env['OTEL_TRACES_EXPORTER'] ? {} : { traceExporter: new OTLPTraceExporter() }),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown real traffic.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)\b/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // Statements carry parameter placeholders only; values are never attached to spans.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => (stopping ??= sdk.shutdown().catch(() => undefined));
  publishTelemetryShutdown(shutdown);
  process.once('beforeExit', () => void shutdown());
}
