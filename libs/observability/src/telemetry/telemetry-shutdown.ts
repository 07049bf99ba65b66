/**
 * The OpenTelemetry SDK is started by `otel-register` before any other module loads, so the services cannot
 * hold a reference to it. The register publishes its shutdown under a global symbol; graceful shutdown calls
 * it to flush the last spans. A no-op when telemetry is off.
 */
const SHUTDOWN_KEY = Symbol.for('revisit.telemetry.shutdown');

type ShutdownFn = () => Promise<void>;
type GlobalWithShutdown = typeof globalThis & { [SHUTDOWN_KEY]?: ShutdownFn };

export function publishTelemetryShutdown(shutdown: ShutdownFn): void {
  (globalThis as GlobalWithShutdown)[SHUTDOWN_KEY] = shutdown;
}

export async function shutdownTelemetry(): Promise<void> {
  const shutdown = (globalThis as GlobalWithShutdown)[SHUTDOWN_KEY];
  if (shutdown) await shutdown();
}
