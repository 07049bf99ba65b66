/** The services `revisit demo` runs, with the ports fixed by docs/engineering.md. */
export interface DemoService {
  readonly name: 'ingest' | 'scheduler' | 'outreach' | 'analytics';
  readonly port: number;
  /** Compiled entry point, relative to the repository root. */
  readonly script: string;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  { name: 'ingest', port: 3001, script: 'dist/apps/ingest/src/main.js' },
  { name: 'scheduler', port: 3002, script: 'dist/apps/scheduler/src/main.js' },
  { name: 'outreach', port: 3003, script: 'dist/apps/outreach/src/main.js' },
  { name: 'analytics', port: 3004, script: 'dist/apps/analytics/src/main.js' },
];

/** Preloaded into each service so tracing starts before any instrumented module loads (off without OTEL_*). */
export const OTEL_REGISTER = 'dist/libs/observability/src/otel-register.js';
