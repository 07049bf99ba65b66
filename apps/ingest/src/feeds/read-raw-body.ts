import type { Request } from 'express';

/** Largest HL7 v2 message accepted over HTTP; MLLP frames have the decoder's own limit. */
export const MAX_HL7_HTTP_BYTES = 16 * 1024 * 1024;

/**
 * Reads the body as bytes: HL7 charsets are decided from MSH-18 by the parser, so no body parser may decode
 * it first (express's JSON/urlencoded parsers ignore these content types and leave the stream unread).
 */
export async function readRawBody(request: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_HL7_HTTP_BYTES) throw new RangeError('HL7 v2 body larger than the limit');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
