import { type EntityManager } from 'typeorm';
import {
  documentKey,
  type FeedDocument,
  type StoredDocument,
  storeAcceptedDocumentIn,
  storeRejectedDocumentIn,
} from '../../raw-messages/use-cases/store-feed-document';
import { type FeedSource } from '../../sources/feed-source.entity';
import { disallowedIdentifierSystems } from '../../sources/identifier-system-policy';
import { FhirRejectionCode } from '../fhir.errors';
import { buildOperationOutcome, type OperationOutcome, type OutcomeProblem } from '../operation-outcome';
import { httpStatusFor, statusLine } from './fhir-http-status';
import { type FhirEntryResult, type FhirRejection, parseFhirJson } from './parse-fhir-json';

export interface FhirAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** Weak ETag of the stored document (its content key), for clients that keep it. */
  readonly etag?: string;
  readonly stored: readonly StoredDocument[];
}

export interface FhirRequest {
  readonly bytes: Buffer;
  readonly source: FeedSource;
  /** The `[type]` of `POST /fhir/r4/[type]`, or undefined for `POST /fhir/r4` (Bundles). */
  readonly expectedType?: string;
}

type Document = { resourceType?: unknown; type?: unknown; entry?: unknown };

/**
 * Store-before-response for FHIR R4 writes, in the caller's transaction. A single resource or a transaction
 * Bundle is all-or-nothing: accepted with its events, or rejected (quarantined) with an OperationOutcome.
 * A batch Bundle is answered entry by entry: accepted entries are stored together, each rejected entry is
 * quarantined on its own. An identical resend (same source, same bytes) is answered from the store and
 * emits nothing.
 */
export async function receiveFhirDocumentIn(manager: EntityManager, request: FhirRequest): Promise<FhirAnswer> {
  const { bytes, source } = request;
  const document = peek(bytes);
  const resourceType = typeof document?.resourceType === 'string' ? document.resourceType : undefined;
  const feed: FeedDocument = { format: 'fhir-r4', bytes, source, messageType: resourceType ?? 'unknown' };
  const mismatch = typeMismatch(request.expectedType, resourceType);
  if (mismatch) return rejectWhole(manager, feed, [mismatch]);

  const results = parseFhirJson(bytes, { sourceSystem: source.id }).map((r) => authorise(r, source));
  if (resourceType === 'Bundle' && document?.type === 'batch') {
    return answerBatch(manager, feed, results, Array.isArray(document.entry) ? document.entry.length : 0);
  }
  const rejected = results.filter((r): r is Extract<FhirEntryResult, { accepted: false }> => !r.accepted);
  if (rejected.length > 0) {
    const bundle = resourceType === 'Bundle';
    return rejectWhole(
      manager,
      feed,
      rejected.map((r) => ({ ...r.rejection, expression: located(r, bundle) })),
    );
  }
  const events = results.flatMap((r) => (r.accepted ? r.events : []));
  const key = documentKey(bytes);
  const body =
    resourceType === 'Bundle'
      ? responseBundle(
          'transaction-response',
          results.map((r) => ({ status: 201, index: r.index })),
          key,
        )
      : (information(`Accepted: ${events.length} event(s)`) as unknown as Record<string, unknown>);
  // A created resource answers 201; a transaction answers 200 with a 201 per entry (FHIR R4 3.1.0.11).
  const stored = await storeAcceptedDocumentIn(manager, feed, events, {
    status: resourceType === 'Bundle' ? 200 : 201,
    body,
  });
  const answer = stored.answer as { status: number; body: Record<string, unknown> };
  return {
    status: stored.status === 'duplicate' ? 200 : answer.status,
    body: answer.body,
    etag: etag(key),
    stored: [stored],
  };
}

async function answerBatch(
  manager: EntityManager,
  feed: FeedDocument,
  results: readonly FhirEntryResult[],
  entryCount: number,
): Promise<FhirAnswer> {
  const key = documentKey(feed.bytes);
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const entries = Array.from({ length: entryCount }, (_, index) => {
    const result = byIndex.get(index);
    if (!result) return { index, status: 200, outcome: information('Entry type is not consumed; ignored') };
    if (result.accepted) return { index, status: 201 };
    return {
      index,
      status: httpStatusFor(result.rejection.code),
      outcome: buildOperationOutcome([{ ...result.rejection, expression: located(result, true) }]),
    };
  });
  const body = responseBundle('batch-response', entries, key);
  const accepted = results.flatMap((r) => (r.accepted ? r.events : []));
  const stored: StoredDocument[] = [];
  if (results.some((r) => r.accepted)) {
    const document = await storeAcceptedDocumentIn(manager, feed, accepted, { status: 200, body });
    if (document.status === 'duplicate') {
      const answer = document.answer as { body: Record<string, unknown> };
      return { status: 200, body: answer.body, etag: etag(key), stored: [document] };
    }
    stored.push(document);
  }
  for (const result of results) {
    if (result.accepted) continue;
    const entry = entryBytes(feed.bytes, result.index);
    stored.push(
      await storeRejectedDocumentIn(
        manager,
        { ...feed, bytes: entry, messageType: result.resourceType ?? 'unknown' },
        { code: result.rejection.code, reason: result.rejection.message },
        { status: httpStatusFor(result.rejection.code), body: result.outcome },
      ),
    );
  }
  return { status: 200, body, etag: etag(key), stored };
}

async function rejectWhole(
  manager: EntityManager,
  feed: FeedDocument,
  problems: OutcomeProblem[],
): Promise<FhirAnswer> {
  // A refusal to this source outranks content errors: fixing the content would not make it acceptable.
  const statuses = problems.map((p) => httpStatusFor(p.code));
  const httpStatus = statuses.includes(403) ? 403 : Math.max(...statuses);
  const outcome = buildOperationOutcome(problems);
  const stored = await storeRejectedDocumentIn(
    manager,
    feed,
    { code: problems[0]!.code, reason: problems.map((p) => p.message).join('; ') },
    { status: httpStatus, body: outcome },
  );
  return { status: httpStatus, body: outcome as unknown as Record<string, unknown>, stored: [stored] };
}

function authorise(result: FhirEntryResult, source: FeedSource): FhirEntryResult {
  if (!result.accepted) return result;
  const refused = disallowedIdentifierSystems(result.events, source);
  if (refused.length === 0) return result;
  const rejection: FhirRejection = {
    code: FhirRejectionCode.IDENTIFIER_SYSTEM_NOT_ALLOWED,
    message: `Source ${source.id} may not write identifier system(s) ${refused.join(', ')}`,
    expression: 'Patient.identifier',
  };
  return {
    index: result.index,
    resourceType: result.resourceType,
    accepted: false,
    rejection,
    outcome: buildOperationOutcome([rejection]),
  };
}

function typeMismatch(expected: string | undefined, actual: string | undefined): OutcomeProblem | undefined {
  if (actual === undefined) return undefined; // parseFhirJson reports INVALID_JSON / NOT_A_RESOURCE itself
  if (expected === undefined && actual !== 'Bundle') {
    return {
      code: FhirRejectionCode.NOT_A_RESOURCE,
      message: `POST to the base accepts transaction or batch Bundles; post a ${actual} to /fhir/r4/${actual}`,
      expression: 'resourceType',
    };
  }
  if (expected !== undefined && actual !== expected) {
    return {
      code: FhirRejectionCode.INVALID_VALUE,
      message: `resourceType ${actual} does not match the URL's ${expected}`,
      expression: 'resourceType',
    };
  }
  return undefined;
}

function located(result: FhirEntryResult & { accepted: false }, inBundle: boolean): string | undefined {
  const expression = result.rejection.expression;
  if (!inBundle || expression?.startsWith('Bundle')) return expression;
  return `Bundle.entry[${result.index}].resource${expression ? `.${expression.replace(/^[A-Z][A-Za-z]*\.?/, '')}` : ''}`.replace(
    /\.$/,
    '',
  );
}

function responseBundle(
  type: 'transaction-response' | 'batch-response',
  entries: readonly { index: number; status: number; outcome?: OperationOutcome }[],
  key: string,
): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type,
    entry: entries.map((e) => ({
      response: {
        status: statusLine(e.status),
        ...(e.status === 201 ? { etag: etag(`${key}-${e.index}`) } : {}),
        ...(e.outcome ? { outcome: e.outcome } : {}),
      },
    })),
  };
}

function information(text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'informational',
        details: { coding: [] },
        diagnostics: text,
      },
    ],
  };
}

function etag(key: string): string {
  return `W/"${key.slice(0, 32)}"`;
}

function peek(bytes: Buffer): Document | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Document) : undefined;
  } catch {
    return undefined;
  }
}

/** One Bundle entry's resource as its own JSON document, so a quarantined entry can be replayed alone. */
function entryBytes(bytes: Buffer, index: number): Buffer {
  const document = peek(bytes) as { entry?: { resource?: unknown }[] } | undefined;
  return Buffer.from(JSON.stringify(document?.entry?.[index]?.resource ?? {}), 'utf8');
}
