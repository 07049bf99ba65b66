import { spawn } from 'node:child_process';
import path from 'node:path';
import { type SampleSource } from '@revisit/sample-data';

/** Where the demo's MLLP messages come from: plain MLLP is authenticated by the peer address. */
export const DEMO_MLLP_PEER = '127.0.0.1';

export interface RegisteredSource {
  readonly id: string;
  readonly outcome: 'added' | 'kept' | 'key rotated';
  /** Plaintext API key, held in memory for this load only (HTTP feeds); ingest keeps only its hash. */
  readonly apiKey?: string;
}

/** Exit code and message of `revisit ingest sources add` for a source that exists (SourceErrorCode.AlreadyExists). */
const EXIT_REFUSED = 1;

/**
 * Registers each sample source through `revisit ingest sources add`, as an installer would: HL7 sources for
 * plain MLLP from {@link DEMO_MLLP_PEER} without a key, the others with an API key. A second demo run finds
 * them registered; an HTTP source then gets a fresh key by `rotate-key` (the old plaintext was never kept).
 */
export async function registerSources(
  root: string,
  databaseUrl: string,
  sources: readonly SampleSource[],
): Promise<RegisteredSource[]> {
  const registered: RegisteredSource[] = [];
  for (const source of sources) {
    const viaMllp = source.feed === 'hl7v2';
    const added = await ingestSources(root, databaseUrl, [
      'add',
      '--id',
      source.id,
      '--name',
      source.name,
      // Each source's facts reach downstream under its own organisation (hospital, pharmacy, clinics).
      '--org',
      source.orgId,
      '--systems',
      source.identifierSystems.join(','),
      ...(viaMllp ? ['--mllp-peer', DEMO_MLLP_PEER, '--no-api-key'] : []),
    ]);
    if (added.code === 0) {
      registered.push({ id: source.id, outcome: 'added', ...keyOf(source, added.stderr) });
      continue;
    }
    if (added.code !== EXIT_REFUSED || !added.stderr.includes('already exists'))
      throw new Error(`could not register source ${source.id} (exit ${added.code}): ${added.stderr.trim()}`);
    if (viaMllp) {
      registered.push({ id: source.id, outcome: 'kept' });
      continue;
    }
    const rotated = await ingestSources(root, databaseUrl, ['rotate-key', '--id', source.id]);
    if (rotated.code !== 0)
      throw new Error(`could not rotate the key of ${source.id} (exit ${rotated.code}): ${rotated.stderr.trim()}`);
    registered.push({ id: source.id, outcome: 'key rotated', ...keyOf(source, rotated.stderr) });
  }
  return registered;
}

function keyOf(source: SampleSource, stderr: string): { apiKey?: string } {
  if (source.feed === 'hl7v2') return {};
  const key = /\brvk_\S+/.exec(stderr)?.[0];
  if (!key) throw new Error(`revisit ingest sources printed no API key for ${source.id}`);
  return { apiKey: key };
}

function ingestSources(root: string, databaseUrl: string, args: readonly string[]) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist', 'apps', 'ingest', 'src', 'cli', 'main.js'), 'ingest', 'sources', ...args],
    { cwd: root, env: { PATH: process.env['PATH'], DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
