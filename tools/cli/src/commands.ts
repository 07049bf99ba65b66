/**
 * Every top-level `revisit` command. Apps own their subcommands and are spawned as separate processes,
 * so no app is ever imported by another project; commands implemented in this package run in-process
 * and are loaded lazily so `revisit help` stays fast. Add new commands (demo, generate) here.
 */
export type CommandEntry =
  | {
      readonly kind: 'spawn';
      readonly summary: string;
      /** Compiled entry point, relative to the repository root. */
      readonly script: string;
      /** Whether the child receives the command name as its first argument (`ingest parse ...`). */
      readonly forwardName: boolean;
    }
  | {
      readonly kind: 'in-process';
      readonly summary: string;
      readonly load: () => Promise<{ run(args: readonly string[]): Promise<number> }>;
    };

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  demo: {
    kind: 'in-process',
    summary: 'start the infrastructure and the four services locally until Ctrl-C',
    load: () => import('./demo/demo-command'),
  },
  generate: {
    kind: 'in-process',
    summary: 'write a seeded sample (HL7 v2, FHIR R4, ERP CSV) with its ground truth',
    load: () => import('./generate/generate-command'),
  },
  infra: {
    kind: 'in-process',
    summary: 'up | down | status: provision Kafka, PostgreSQL and Redis for local use',
    load: () => import('./infra/infra-command'),
  },
  ingest: {
    kind: 'spawn',
    summary: 'parse and load HL7 v2, FHIR R4 and ERP CSV feeds',
    script: 'dist/apps/ingest/src/cli/main.js',
    forwardName: true,
  },
  empi: {
    kind: 'spawn',
    summary: 'link patient records into enterprise identities',
    script: 'dist/apps/ingest/src/cli/main.js',
    forwardName: true,
  },
  plans: {
    kind: 'spawn',
    summary: 'validate and preview follow-up plans',
    script: 'dist/apps/scheduler/src/cli/main.js',
    forwardName: true,
  },
  outreach: {
    kind: 'spawn',
    summary: 'users add: create users of the built-in sign-in (the first admin)',
    script: 'dist/apps/outreach/src/cli/main.js',
    forwardName: false,
  },
  dlq: {
    kind: 'spawn',
    summary: 'list and redrive dead-lettered events',
    script: 'dist/libs/messaging/src/cli/dlq-main.js',
    forwardName: false,
  },
};
