import { INGEST_SCHEMA } from '../../database/ingest-schema';
import { issueApiKey } from '../api-key';
import { SourceError, SourceErrorCode } from '../sources.errors';

const S = `"${INGEST_SCHEMA}"`;

/** Runs one SQL statement and returns its rows (TypeORM's `query` or a pg client adapter). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface AddSourceCommand {
  readonly id: string;
  readonly displayName: string;
  /** The organisation the source's facts belong to; absent = the service's ORG_ID. */
  readonly orgId?: string;
  readonly identifierSystems: readonly string[];
  readonly certFingerprints?: readonly string[];
  readonly mllpPeerAddresses?: readonly string[];
  /** Issue an API key (default); sources on mTLS only may go without one. */
  readonly withApiKey?: boolean;
}

export interface SourceView {
  readonly id: string;
  readonly displayName: string;
  readonly orgId: string | null;
  readonly identifierSystems: string[];
  readonly apiKeyId: string | null;
  readonly apiKeyRotatedAt: string | null;
  readonly certFingerprints: string[];
  readonly mllpPeerAddresses: string[];
  readonly disabled: boolean;
}

export async function addSource(
  query: SqlQuery,
  command: AddSourceCommand,
): Promise<{ source: SourceView; apiKey?: string }> {
  const key = command.withApiKey === false ? undefined : await issueApiKey();
  const rows = await query(
    `INSERT INTO ${S}.feed_source
       (id, display_name, identifier_systems, api_key_id, api_key_hash, api_key_rotated_at, cert_fingerprints,
        mllp_peer_addresses, org_id)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END, $6, $7, $8)
     ON CONFLICT (id) DO NOTHING
     RETURNING *`,
    [
      command.id,
      command.displayName,
      [...command.identifierSystems],
      key?.keyId ?? null,
      key?.hash ?? null,
      (command.certFingerprints ?? []).map((f) => f.toUpperCase()),
      [...(command.mllpPeerAddresses ?? [])],
      command.orgId ?? null,
    ],
  );
  if (rows.length === 0) throw new SourceError(SourceErrorCode.AlreadyExists, `Source ${command.id} already exists`);
  return { source: toView(rows[0]!), ...(key ? { apiKey: key.key } : {}) };
}

export async function listSources(query: SqlQuery): Promise<SourceView[]> {
  return (await query(`SELECT * FROM ${S}.feed_source ORDER BY id`, [])).map(toView);
}

/** A new key replaces the old one at once (the old one stops within the verification cache's minute). */
export async function rotateSourceKey(query: SqlQuery, id: string): Promise<{ source: SourceView; apiKey: string }> {
  const key = await issueApiKey();
  const rows = await query(
    `UPDATE ${S}.feed_source SET api_key_id = $2, api_key_hash = $3, api_key_rotated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, key.keyId, key.hash],
  );
  if (rows.length === 0) throw new SourceError(SourceErrorCode.NotFound, `No source ${id}`);
  return { source: toView(rows[0]!), apiKey: key.key };
}

function toView(row: Record<string, unknown>): SourceView {
  const date = row['api_key_rotated_at'];
  return {
    id: String(row['id']),
    displayName: String(row['display_name']),
    orgId: (row['org_id'] as string | null | undefined) ?? null,
    identifierSystems: row['identifier_systems'] as string[],
    apiKeyId: (row['api_key_id'] as string | null) ?? null,
    apiKeyRotatedAt: date instanceof Date ? date.toISOString() : null,
    certFingerprints: row['cert_fingerprints'] as string[],
    mllpPeerAddresses: row['mllp_peer_addresses'] as string[],
    disabled: row['disabled_at'] !== null,
  };
}
