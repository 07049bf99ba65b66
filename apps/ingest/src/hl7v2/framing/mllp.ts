/**
 * MLLP (HL7 v2 minimal lower layer protocol) framing: <VT> payload <FS><CR>. Pure functions so the TCP
 * server only feeds socket chunks in and writes frames out.
 */
export const MLLP_START = 0x0b;
export const MLLP_END = 0x1c;
export const MLLP_TRAILER = 0x0d;

export function encodeMllpFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.alloc(payload.length + 3);
  frame[0] = MLLP_START;
  frame.set(payload, 1);
  frame[payload.length + 1] = MLLP_END;
  frame[payload.length + 2] = MLLP_TRAILER;
  return frame;
}

export interface MllpDecodeResult {
  /** Complete frame payloads, in arrival order. */
  readonly frames: Buffer[];
  /** Bytes of an unfinished frame, to be prepended to the next chunk. */
  readonly remainder: Buffer;
  /** Bytes outside any frame (noise between frames), counted so the server can log the amount only. */
  readonly discardedBytes: number;
}

/**
 * Splits buffered bytes into frames. A frame ends at <FS> followed by <CR>; a lone <FS> at the very end
 * of the buffer stays in the remainder until the <CR> arrives. A new <VT> inside an unfinished frame
 * means the previous frame was truncated: its bytes are discarded and counted.
 */
export function decodeMllpFrames(buffer: Uint8Array, maxFrameBytes = 16 * 1024 * 1024): MllpDecodeResult {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const frames: Buffer[] = [];
  let discardedBytes = 0;
  let position = 0;
  while (position < bytes.length) {
    const start = bytes.indexOf(MLLP_START, position);
    if (start < 0) {
      discardedBytes += bytes.length - position;
      return { frames, remainder: Buffer.alloc(0), discardedBytes };
    }
    discardedBytes += start - position;
    let end = -1;
    let restart = -1;
    for (let i = start + 1; i < bytes.length; i++) {
      if (bytes[i] === MLLP_START) {
        restart = i;
        break;
      }
      if (bytes[i] === MLLP_END && bytes[i + 1] === MLLP_TRAILER) {
        end = i;
        break;
      }
    }
    if (restart >= 0) {
      discardedBytes += restart - start;
      position = restart;
      continue;
    }
    if (end < 0) {
      const pending = bytes.subarray(start);
      if (pending.length > maxFrameBytes) {
        return { frames, remainder: Buffer.alloc(0), discardedBytes: discardedBytes + pending.length };
      }
      return { frames, remainder: Buffer.from(pending), discardedBytes };
    }
    frames.push(Buffer.from(bytes.subarray(start + 1, end)));
    position = end + 2;
  }
  return { frames, remainder: Buffer.alloc(0), discardedBytes };
}
