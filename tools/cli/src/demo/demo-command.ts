import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, findRepoRoot, infraDown, infraUp, isPortFree, redactUrl } from '@revisit/local-infra';
import { CliExitCode } from '../cli-exit-code';
import { DEMO_SERVICE_ENV, describeDemoAccounts, ensureDemoAccounts } from './demo-accounts';
import { DEMO_USAGE, parseDemoArgs } from './demo-args';
import { DEMO_SERVICES, OTEL_REGISTER } from './demo-services';
import { loadSample, type SampleLoadOptions } from './sample/load-sample';
import { type ServiceProcess, startServiceProcess } from './service-process';
import { waitForStopSignal } from './stop-signal';
import { waitUntilReady } from './wait-ready';

const READY_TIMEOUT_MS = 120_000;
// Each service's own shutdown budget is 25 s by default; allow a little more before SIGKILL.
const STOP_GRACE_MS = 30_000;

/**
 * `revisit demo`: infrastructure up, the four services and the web console's server started from dist/ with
 * the OTel preload, each awaited until `/health/ready` answers 200, then their URLs; on Ctrl-C the services
 * stop first (they drain and commit), then the infrastructure this command started. Infrastructure that was
 * already up stays up.
 */
export async function run(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(DEMO_USAGE);
    return CliExitCode.Ok;
  }
  const parsed = parseDemoArgs(args);
  if ('error' in parsed) {
    console.error(`revisit demo: ${parsed.error}\n\n${DEMO_USAGE}`);
    return CliExitCode.Usage;
  }
  const root = findRepoRoot();
  const missing = [OTEL_REGISTER, ...DEMO_SERVICES.map((service) => service.script)].filter(
    (file) => !existsSync(path.join(root, file)),
  );
  if (missing.length > 0) {
    console.error(`revisit demo: not built (${missing.join(', ')} missing); run \`npm run build\` first.`);
    return CliExitCode.NotBuilt;
  }
  const busy = await busyPorts();
  if (busy.length > 0) {
    console.error(`revisit demo: port(s) ${busy.join(', ')} already in use (is another demo running?).`);
    return CliExitCode.MissingPrerequisite;
  }

  const signal = waitForStopSignal();
  try {
    const infra = await infraUp({ log: (line) => console.log(line) });
    console.log(
      `infrastructure ready: Kafka ${infra.kafkaBrokers.join(',')}, PostgreSQL ${redactUrl(infra.databaseUrl)}`,
    );
    try {
      return await runServices(root, infra, signal.stopped, parsed.sample);
    } finally {
      if (infra.startedNow) {
        const { stopped } = await infraDown({ root });
        if (stopped.length > 0) console.log(`stopped ${stopped.join(', ')}`);
      }
    }
  } finally {
    signal.dispose();
  }
}

async function runServices(
  root: string,
  infra: { kafkaBrokers: readonly string[]; databaseUrl: string; redisUrl: string },
  stopRequested: Promise<NodeJS.Signals>,
  sample: SampleLoadOptions | undefined,
): Promise<number> {
  const logDir = path.join(cacheDir(root), 'demo', 'logs');
  mkdirSync(logDir, { recursive: true });
  const processes = DEMO_SERVICES.map((service) =>
    startServiceProcess(
      root,
      service,
      {
        // The demo's wiring first, so settings a user exports (their own issuer, say) still win.
        ...DEMO_SERVICE_ENV[service.name],
        ...process.env,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        DATABASE_URL: infra.databaseUrl,
        REDIS_URL: infra.redisUrl,
        OTEL_SERVICE_NAME: process.env['OTEL_SERVICE_NAME'] ?? `revisit-${service.name}`,
      },
      logDir,
    ),
  );
  // If this process dies abruptly, do not leave detached services behind.
  const killAll = (): void => processes.forEach((p) => p.isRunning() && p.child.kill('SIGKILL'));
  process.once('exit', killAll);
  try {
    console.log(`starting ${processes.map((p) => p.service.name).join(', ')} (logs in ${logDir})...`);
    const outcome = await Promise.race([allReady(processes), stopRequested.then(() => 'stopped' as const)]);
    if (outcome === 'stopped') return CliExitCode.Ok;
    if (!outcome) return CliExitCode.Failure;
    const accounts = await ensureDemoAccounts(root, infra.databaseUrl);
    console.log(`demo sign-ins: ${accounts.join(', ')}`);
    printUrls(processes);
    if (sample) {
      const loaded = await Promise.race([
        loadSampleReporting(root, infra.databaseUrl, sample),
        stopRequested.then(() => 'stopped' as const),
      ]);
      if (loaded === 'stopped') return CliExitCode.Ok;
      console.log('\nPress Ctrl-C to stop.');
    }

    const crashed = Promise.race(processes.map((p) => p.exited.then(() => p)));
    const ended = await Promise.race([stopRequested, crashed]);
    if (typeof ended !== 'string') {
      console.error(`\n${ended.service.name} exited unexpectedly; last log lines:\n${ended.tail(20)}`);
      return CliExitCode.Failure;
    }
    console.log(`\n${ended} received, stopping services...`);
    return CliExitCode.Ok;
  } finally {
    await stopAll(processes);
    process.off('exit', killAll);
  }
}

async function allReady(processes: readonly ServiceProcess[]): Promise<boolean> {
  const outcomes = await Promise.all(
    processes.map(async (p) => {
      const outcome = await waitUntilReady(p, urlOf(p), READY_TIMEOUT_MS);
      if (outcome.ready)
        console.log(`  ${p.service.name.padEnd(10)} ready in ${(outcome.afterMs / 1000).toFixed(1)} s`);
      else console.error(`  ${p.service.name.padEnd(10)} FAILED: ${outcome.reason}\n${indent(p.tail(15))}`);
      return outcome.ready;
    }),
  );
  return outcomes.every(Boolean);
}

async function stopAll(processes: readonly ServiceProcess[]): Promise<void> {
  const codes = await Promise.all(processes.map((p) => p.stop(STOP_GRACE_MS)));
  const unclean = processes.filter((_, index) => codes[index] !== 0).map((p) => p.service.name);
  console.log(unclean.length === 0 ? 'services stopped' : `services stopped (not cleanly: ${unclean.join(', ')})`);
}

function printUrls(processes: readonly ServiceProcess[]): void {
  const rows = processes
    .filter((p) => p.service.name !== 'console')
    .map((p) => `  ${p.service.name.padEnd(10)} ${urlOf(p).padEnd(24)} ${urlOf(p)}/health/ready  ${urlOf(p)}/metrics`);
  const web = processes.find((p) => p.service.name === 'console');
  const consoleLine = web
    ? [
        '',
        `Web console (经营看板 / 我的工作台): ${urlOf(web)}`,
        'Demo sign-ins (role, username, password):',
        describeDemoAccounts(),
      ]
    : [];
  console.log(['', 'Revisit is running:', ...rows, ...consoleLine, '', 'Press Ctrl-C to stop.'].join('\n'));
}

/** A failed load leaves the services running (the demo is still usable) and says why. */
async function loadSampleReporting(root: string, databaseUrl: string, sample: SampleLoadOptions): Promise<void> {
  console.log(
    `\nloading the sample (${sample.patients} patients, ${sample.months} months, seed ${sample.seed}; --no-sample skips this)...`,
  );
  try {
    const clean = await loadSample(root, databaseUrl, sample, (line) => console.log(line));
    if (!clean) console.error('revisit demo: the sample was not loaded cleanly (see above).');
  } catch (error: unknown) {
    console.error(
      `revisit demo: the sample was not fully loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function urlOf(p: ServiceProcess): string {
  return `http://127.0.0.1:${p.service.port}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

async function busyPorts(): Promise<number[]> {
  const free = await Promise.all(DEMO_SERVICES.map((service) => isPortFree(service.port)));
  return DEMO_SERVICES.filter((_, index) => !free[index]).map((service) => service.port);
}
