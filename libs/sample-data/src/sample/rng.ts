import { randomInt, seededRandom } from '../seeded-random';

/** A seeded stream with the draws the generator needs; every draw is reproducible from the seed. */
export interface Rng {
  next(): number;
  int(exclusiveMax: number): number;
  /** Integer in [min, max], both inclusive. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random RFC 4122 version-4 shaped UUID (from the seeded stream, so reproducible). */
  uuid(): string;
}

export function rng(seed: number): Rng {
  const random = seededRandom(seed);
  const int = (n: number): number => randomInt(random, n);
  return {
    next: random,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => random() < p,
    pick: (items) => items[int(items.length)]!,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(4)).toString(16);
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

/**
 * An independent stream per (seed, part, index): a person's history does not shift when another person
 * or another part of the sample changes, and `--months` changes only what falls in the window.
 */
export function substream(seed: number, part: number, index: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(part + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 13;
  return rng(h >>> 0);
}
