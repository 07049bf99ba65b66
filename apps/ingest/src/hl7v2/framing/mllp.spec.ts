import { decodeMllpFrames, encodeMllpFrame } from './mllp';

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;

describe('MLLP framing', () => {
  it('round-trips a payload', () => {
    const frame = encodeMllpFrame(Buffer.from('MSH|^~\\&|A\r'));
    expect([...frame.subarray(0, 1)]).toEqual([VT]);
    expect([...frame.subarray(-2)]).toEqual([FS, CR]);
    const { frames, remainder, discardedBytes } = decodeMllpFrames(frame);
    expect(frames.map((f) => f.toString())).toEqual(['MSH|^~\\&|A\r']);
    expect(remainder.length).toBe(0);
    expect(discardedBytes).toBe(0);
  });

  it('returns several frames from one chunk and keeps a partial one as remainder', () => {
    const input = Buffer.concat([
      encodeMllpFrame(Buffer.from('one')),
      encodeMllpFrame(Buffer.from('two')),
      Buffer.from([VT]),
      Buffer.from('thr'),
    ]);
    const first = decodeMllpFrames(input);
    expect(first.frames.map((f) => f.toString())).toEqual(['one', 'two']);
    const second = decodeMllpFrames(Buffer.concat([first.remainder, Buffer.from([0x65, 0x65, FS, CR])]));
    expect(second.frames.map((f) => f.toString())).toEqual(['three']);
  });

  it('waits for the CR when a chunk ends right after FS', () => {
    const partial = decodeMllpFrames(Buffer.from([VT, 0x61, FS]));
    expect(partial.frames).toEqual([]);
    expect(
      decodeMllpFrames(Buffer.concat([partial.remainder, Buffer.from([CR])])).frames.map((f) => f.toString()),
    ).toEqual(['a']);
  });

  it('drops a truncated frame when a new start byte arrives, and noise between frames', () => {
    const input = Buffer.concat([
      Buffer.from('noise'),
      Buffer.from([VT]),
      Buffer.from('cut off'),
      encodeMllpFrame(Buffer.from('ok')),
    ]);
    const result = decodeMllpFrames(input);
    expect(result.frames.map((f) => f.toString())).toEqual(['ok']);
    expect(result.discardedBytes).toBe('noise'.length + 1 + 'cut off'.length);
  });

  it('gives up on a frame that exceeds the size limit', () => {
    const result = decodeMllpFrames(Buffer.concat([Buffer.from([VT]), Buffer.alloc(100, 0x41)]), 50);
    expect(result.remainder.length).toBe(0);
    expect(result.discardedBytes).toBe(101);
  });
});
