import type { Request } from 'express';
import { FhirRejectionCode, FhirRejectionError } from '../../fhir/fhir.errors';

const MAX_MATCH_BODY_BYTES = 1024 * 1024;

/**
 * The JSON body whatever its media type: express parses `application/json` itself but leaves
 * `application/fhir+json` unread, which is what FHIR clients send.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (
    request.readableEnded ||
    (request.body !== undefined && typeof request.body === 'object' && Object.keys(request.body as object).length > 0)
  ) {
    return request.body;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_MATCH_BODY_BYTES) {
      throw new FhirRejectionError(FhirRejectionCode.INVALID_VALUE, 'The body exceeds 1 MiB', 'Parameters');
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new FhirRejectionError(FhirRejectionCode.INVALID_JSON, 'The body is not valid JSON', 'Parameters');
  }
}
