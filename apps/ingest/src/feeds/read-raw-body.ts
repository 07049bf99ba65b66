import type { Request } from 'express';
import { FeedError, FeedErrorCode } from './feed.errors';

/** Largest HL7 v2 or FHIR payload accepted over HTTP; MLLP frames have the decoder's own limit. */
export const MAX_FEED_HTTP_BYTES = 16 * 1024 * 1024;

/**
 * Reads the body as bytes: HL7 charsets are decided from MSH-18 by the parser, so no body parser may decode
 * it first (express's JSON/urlencoded parsers ignore these content types and leave the stream unread).
 * An oversized body is refused from its Content-Length before reading, or as soon as it passes the limit;
 * the rest of the upload is drained so the 413 reaches the client instead of a connection reset.
 */
export function readRawBody(request: Request, maxBytes = MAX_FEED_HTTP_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    let refused = Number.isFinite(declared) && declared > maxBytes;
    if (refused) reject(tooLarge(maxBytes));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      reject(tooLarge(maxBytes));
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function tooLarge(maxBytes: number): FeedError {
  return new FeedError(FeedErrorCode.PayloadTooLarge, `The body exceeds the limit of ${maxBytes} bytes`);
}
