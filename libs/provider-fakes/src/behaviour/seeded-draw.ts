import { createHash } from 'node:crypto';

/**
 * A uniform draw in [0, 1) from the seed and a key (a callee, a message id...). Keyed rather than sequential so
 * a patient's behaviour does not depend on the order in which the services happen to contact them: the same
 * seed gives the same answers however the calls are batched or interleaved.
 */
export function seededDraw(seed: number, ...key: readonly string[]): number {
  const digest = createHash('sha256')
    .update(`${seed}\u0000${key.join('\u0000')}`, 'utf8')
    .digest();
  // 48 bits: exact in a double, and far finer than any rate the model uses.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Picks from weighted options with a draw in [0, 1); weights need not sum to 1. */
export function pickWeighted<T>(draw: number, options: ReadonlyArray<readonly [T, number]>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let point = draw * total;
  for (const [value, weight] of options) {
    if (point < weight) return value;
    point -= weight;
  }
  const last = options.at(-1);
  if (last === undefined) throw new Error('pickWeighted needs at least one option');
  return last[0];
}
