import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { SourceError } from '../sources/sources.errors';
import { addSource, listSources, rotateSourceKey, type SqlQuery } from '../sources/use-cases/manage-sources';
import { type CommandIo } from './parse.command';

export const SOURCES_USAGE = `Usage: revisit ingest sources <add|list|rotate-key> [options]

Manages the feed sources allowed to send to ingest, in its database ($DATABASE_URL; run it where
the service runs, after the service has applied its migrations).

  add --id ID --name NAME --systems SYS[,SYS...] [--org ORG] [--cert-fingerprint SHA256]...
      [--mllp-peer IP]... [--no-api-key]
      Registers a source bound to the identifier systems (assigning authorities) it may write and
      prints its API key once. --org names the organisation its facts belong to (default: the
      service's ORG_ID). --cert-fingerprint binds an mTLS client certificate (openssl x509
      -fingerprint -sha256), --mllp-peer allows plain MLLP from that address.
  list                    Lists sources (never keys).
  rotate-key --id ID      Issues a new API key; the old one stops working within a minute.

Exit codes: 0 done, 1 refused (exists / not found), 2 usage error, 69 database unreachable.`;

export async function runSourcesCommand(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [action, ...rest] = args;
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        id: { type: 'string' },
        name: { type: 'string' },
        org: { type: 'string' },
        systems: { type: 'string' },
        'cert-fingerprint': { type: 'string', multiple: true },
        'mllp-peer': { type: 'string', multiple: true },
        'no-api-key': { type: 'boolean' },
      },
    }));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (action !== 'add' && action !== 'list' && action !== 'rotate-key')
    return usage(io, `unknown action ${action ?? '(none)'}`);
  if (action !== 'list' && typeof values['id'] !== 'string') return usage(io, '--id is required');
  if (action === 'add' && (typeof values['name'] !== 'string' || typeof values['systems'] !== 'string')) {
    return usage(io, 'add needs --name and --systems');
  }
  if (values['org'] !== undefined && !/^[^\s]{1,64}$/.test(values['org'] as string)) {
    return usage(io, '--org must be 1-64 characters without spaces');
  }
  const url = env['DATABASE_URL'];
  if (!url) return usage(io, 'DATABASE_URL is not set');
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    io.stderr('revisit ingest sources: the database is unreachable\n');
    return 69;
  }
  const query: SqlQuery = async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[];
  try {
    if (action === 'list') {
      for (const source of await listSources(query)) io.stdout(`${JSON.stringify(source)}\n`);
      return 0;
    }
    const id = values['id'] as string;
    const result =
      action === 'add'
        ? await addSource(query, {
            id,
            displayName: values['name'] as string,
            ...(typeof values['org'] === 'string' ? { orgId: values['org'] } : {}),
            identifierSystems: (values['systems'] as string)
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
            certFingerprints: (values['cert-fingerprint'] as string[] | undefined) ?? [],
            mllpPeerAddresses: (values['mllp-peer'] as string[] | undefined) ?? [],
            withApiKey: values['no-api-key'] !== true,
          })
        : await rotateSourceKey(query, id);
    io.stdout(`${JSON.stringify(result.source)}\n`);
    if (result.apiKey)
      io.stderr(`API key for ${id} (shown once, store it in the interface engine):\n${result.apiKey}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      io.stderr(`revisit ingest sources: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await client.end();
  }
}

function usage(io: CommandIo, problem: string): number {
  io.stderr(`revisit ingest sources: ${problem}\n\n${SOURCES_USAGE}\n`);
  return 2;
}
