import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatDate, ORGANISATIONS, type SampleSummary, SOURCES, todayInShanghai } from '@revisit/sample-data';
import { Client } from 'pg';
import { run as generate } from '../../generate/generate-command';
import { DEMO_ACCOUNTS, DEMO_INGEST_ORG } from '../demo-accounts';
import { demoRoster, ensureRoster, signIn, type TaskCounts, taskCounts, worklistSize } from './follow-up-setup';
import { empiCounts, hl7Resends, schedulerTasks } from './database-figures';
import { registerSources } from './register-sources';
import { DEMO_INGEST, sendSample } from './send-sample';
import { parseSendOrder } from './send-plan';

export interface SampleLoadOptions {
  readonly patients: number;
  readonly months: number;
  readonly seed: number;
}

/** Small enough to load in a few minutes on two shared cores. */
export const DEFAULT_SAMPLE: SampleLoadOptions = { patients: 2000, months: 3, seed: 42 };

const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!;

/**
 * The demo's sample, loaded as a hospital would: generated into `.cache/demo/sample`, each source registered
 * with `revisit ingest sources add`, a roster stored with the admin's sign-in, then every message sent
 * through ingest's MLLP and HTTP interfaces; ends with what the services made of it. Returns false when
 * anything was rejected.
 */
export async function loadSample(
  root: string,
  databaseUrl: string,
  options: SampleLoadOptions,
  log: (line: string) => void,
): Promise<boolean> {
  const started = Date.now();
  const dir = path.join(root, '.cache', 'demo', 'sample');
  const until = formatDate(todayInShanghai(Date.now()));
  const generated = await generate([
    ...['--out', dir, '--seed', String(options.seed), '--patients', String(options.patients)],
    ...['--months', String(options.months), '--until', until],
  ]);
  if (generated !== 0) throw new Error(`revisit generate failed (exit ${generated})`);
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as SampleSummary;

  const sources = await registerSources(root, databaseUrl, SOURCES);
  log(`sources: ${sources.map((s) => `${s.id} ${s.outcome}`).join(', ')}`);
  const apiKeys = new Map(sources.flatMap((s) => (s.apiKey ? [[s.id, s.apiKey] as const] : [])));

  const admin = await signIn(account('admin').username, account('admin').password);
  const roster = demoRoster([account('agent').staffId, account('supervisor').staffId]);
  const rosters = await Promise.all(
    ORGANISATIONS.map(async (o) => `${o.id} ${await ensureRoster(admin, o.id, roster)}`),
  );
  log(
    `rosters (agent ${account('agent').staffId}, supervisor ${account('supervisor').staffId}): ${rosters.join(', ')}`,
  );
  log('plans: the built-in templates are in force for every organisation (apps/scheduler/README.md)');

  const messages = parseSendOrder(readFileSync(path.join(dir, 'truth', 'messages.ndjson'), 'utf8'));
  log(`sending ${messages.length} messages, bundles and CSV rows to ingest...`);
  const sendStarted = Date.now();
  const tally = await sendSample(dir, messages, apiKeys);
  const sendSeconds = (Date.now() - sendStarted) / 1000;
  log(`sent in ${sendSeconds.toFixed(1)} s (${Math.round(tally.sent / sendSeconds)}/s):`);
  for (const line of tally.lines()) log(line);
  if (tally.rejected > 0)
    log(
      `${tally.rejected} rejected: the quarantine lists them, GET ${DEMO_INGEST.url}/v1/quarantine (any staff token)`,
    );

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let figures: Figures;
  let shadowed: number;
  let tasks: Record<string, number>;
  try {
    const resends = await hl7Resends(db, new Date(sendStarted));
    shadowed = resends.different;
    if (resends.identical > 0)
      log(
        `  ${resends.identical} HL7 messages were already loaded by an earlier demo run (answered with their first ACK)`,
      );
    if (shadowed > 0) log(shadowedWarning(shadowed));
    log('waiting for the EMPI and the scheduler to catch up...');
    figures = await settledFigures(db, admin, summary);
    tasks = await schedulerTasks(db, DEMO_INGEST_ORG);
  } finally {
    await db.end();
  }
  const agent = await signIn(account('agent').username, account('agent').password);
  const worklist = await worklistSize(agent);
  log(
    [
      `sample loaded in ${((Date.now() - started) / 1000).toFixed(0)} s:`,
      `  EMPI: ${figures.records} source records linked into ${figures.patients} patients in ingest's database (this sample's messages concern ${new Set(messages.map((m) => m.person)).size} people)`,
      `  follow-up tasks in the scheduler (${DEMO_INGEST_ORG}): ${describeStatuses(tasks)}`,
      `  dashboard (due ${summary.from} .. a year ahead): ${describeTasks(figures.tasks)}`,
      `  ${account('agent').username}'s worklist now: ${worklist === 100 ? '100+' : worklist} calls`,
      `  sample: ${dir} (ground truth in truth/, summary.json)`,
    ].join('\n'),
  );
  return tally.rejected === 0 && shadowed === 0;
}

function shadowedWarning(n: number): string {
  return [
    `  WARNING: ${n} HL7 messages reuse control ids (MSH-10) of different messages an earlier demo sample loaded;`,
    '  ingest took them for resends and derived nothing from them. Every sample numbers its control ids from',
    '  DH000000001: load the same sample as before (same --patients, --months, --seed, on the same day) or',
    "  start from a database without ingest's earlier messages.",
  ].join('\n');
}

function describeStatuses(byStatus: Record<string, number>): string {
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  // "missed": due more than the plan's catch-up grace (7 days) before the sample arrived, so never called.
  return `${total} (${Object.entries(byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ')})`;
}

function describeTasks(t: TaskCounts): string {
  return `${t.due} due by now (${t.overdue} open past due, ${t.completed} completed), ${t.cancelled} cancelled or missed`;
}

interface Figures {
  readonly records: number;
  readonly patients: number;
  readonly tasks: TaskCounts;
}

/** Polls until the EMPI's and the dashboard's figures stop moving (events are still flowing after the ACKs). */
async function settledFigures(db: Client, token: string, summary: SampleSummary): Promise<Figures> {
  const to = formatDate(todayInShanghai(Date.now() + 365 * 86_400_000));
  let last = '';
  let figures: Figures | undefined;
  for (let round = 0; round < 60; round += 1) {
    figures = { ...(await empiCounts(db)), tasks: await taskCounts(token, DEMO_INGEST_ORG, summary.from, to) };
    const now = JSON.stringify(figures);
    if (now === last && figures.records > 0) return figures;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return figures!;
}
