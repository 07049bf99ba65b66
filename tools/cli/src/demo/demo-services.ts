/** The services `revisit demo` runs, with the ports fixed by docs/engineering.md. */
export interface DemoService {
  readonly name: 'ingest' | 'scheduler' | 'outreach' | 'analytics' | 'console';
  readonly port: number;
  /** Compiled entry point, relative to the repository root. */
  readonly script: string;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  { name: 'ingest', port: 3001, script: 'dist/apps/ingest/src/main.js' },
  { name: 'scheduler', port: 3002, script: 'dist/apps/scheduler/src/main.js' },
  { name: 'outreach', port: 3003, script: 'dist/apps/outreach/src/main.js' },
  { name: 'analytics', port: 3004, script: 'dist/apps/analytics/src/main.js' },
  // The web console's server: the built browser app plus a same-origin proxy to outreach and analytics.
  { name: 'console', port: 3000, script: 'dist/apps/console/server/main.js' },
];

/** Preloaded into each service so tracing starts before any instrumented module loads (off without OTEL_*). */
export const OTEL_REGISTER = 'dist/libs/observability/src/otel-register.js';
