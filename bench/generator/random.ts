/**
 * A small seeded pseudo-random generator (sfc32, seeded through cyrb128) with the helpers the
 * sample-data generator needs. Deterministic across platforms: only 32-bit integer arithmetic.
 *
 * Why sfc32 and not mulberry32: mulberry32 has 32 bits of state, so among a few hundred thousand
 * uuids drawn from it two would very likely coincide; sfc32 has 128 bits.
 *
 * @module
 */

/** A seeded source of pseudo-random values. Every method advances the stream. */
export interface Random {
  /** The label this stream was created from (seed and fork path); forks extend it. */
  readonly label: string;
  /** A 32-bit unsigned integer. */
  uint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** One value from `[value, weight]` pairs (weights ≥ 0, at least one positive). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[];
  /** `n` distinct elements (fewer when the list is shorter), in random order. */
  sample<T>(list: readonly T[], n: number): T[];
  /** A random version 4 UUID (RFC 9562 layout: version nibble 4, variant 10xx). */
  uuid(): string;
  /** An independent stream derived from this stream's label and `label` (does not advance this one). */
  fork(label: string): Random;
}

/** cyrb128: four 32-bit hashes of a string, used to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The 32 hex-digit positions in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
const UUID_POSITIONS = Array.from({ length: 36 }, (_, i) => i).filter((i) => ![8, 13, 18, 23].includes(i));
/** Scratch buffer for one uuid's character codes, dashes pre-filled (the generator is single-threaded). */
const UUID_CODES = new Array<number>(36).fill('-'.charCodeAt(0));

/** Writes the 8 hex digits of `n` as uuid digits `digit`..`digit + 7`. */
function writeHex(n: number, digit: number): void {
  for (let i = 0; i < 8; i++) UUID_CODES[UUID_POSITIONS[digit + i]!] = HEX_CODES[(n >>> (28 - 4 * i)) & 0xf]!;
}

/**
 * Creates a seeded stream. The same seed (number or text) always gives the same sequence.
 *
 * @example
 * ```ts
 * const rng = createRandom(42);
 * rng.int(1, 6);           // the same die roll every run
 * rng.fork('units').uuid(); // an independent, equally reproducible stream
 * ```
 */
export function createRandom(seed: number | string): Random {
  const label = String(seed);
  let [a, b, c, d] = cyrb128(label);
  const uint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) uint32();
  const next = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const random: Random = {
    label,
    uint32,
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => {
      if (list.length === 0) throw new RangeError('[kitos] [bench] pick from an empty list');
      return list[Math.floor(next() * list.length)]!;
    },
    weighted: (entries) => {
      // Indexed loops: destructuring through the iterator protocol is slow in hot code.
      let total = 0;
      for (let i = 0; i < entries.length; i++) total += entries[i]![1];
      let r = next() * total;
      for (let i = 0; i < entries.length; i++) {
        r -= entries[i]![1];
        if (r < 0) return entries[i]![0];
      }
      return entries[entries.length - 1]![0];
    },
    shuffle: (list) => {
      const copy = list.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = tmp;
      }
      return copy;
    },
    sample: (list, n) => {
      const count = Math.min(n, list.length);
      if (count * 4 <= list.length) {
        // Few from many: draw indices and redraw repeats, without copying the list.
        const picked: number[] = [];
        while (picked.length < count) {
          const j = Math.floor(next() * list.length);
          if (!picked.includes(j)) picked.push(j);
        }
        return picked.map((j) => list[j]!);
      }
      // Partial Fisher–Yates: only the first `count` positions are shuffled.
      const copy = list.slice();
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        const tmp = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = tmp;
      }
      return copy.slice(0, count);
    },
    uuid: () => {
      const first = uint32();
      const version = ((uint32() & 0xffff0fff) | 0x4000) >>> 0; // digit 12 = 4
      const variant = ((uint32() & 0x3fffffff) | 0x80000000) >>> 0; // digit 16 = 10xx
      const last = uint32();
      writeHex(first, 0);
      writeHex(version, 8);
      writeHex(variant, 16);
      writeHex(last, 24);
      // One flat string from character codes, not a rope of concatenated pieces: hundreds of
      // thousands of uuids stay in memory at scale 100.
      return String.fromCharCode.apply(null, UUID_CODES);
    },
    fork: (child) => createRandom(`${label}/${child}`),
  };
  return random;
}

/** A weighted choice over a long, fixed list, prepared once (cumulative weights, binary search). */
export interface WeightedPicker<T> {
  pick(rng: Random): T;
}

/**
 * Prepares a weighted choice over `entries` (`[value, weight]`, weights ≥ 0, one positive).
 *
 * @example
 * ```ts
 * const die = weightedPicker([[1, 1], [6, 5]] as const);
 * die.pick(createRandom(1)); // 6 five times out of six
 * ```
 */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const e of entries) {
    total += e[1];
    cumulative.push(total);
  }
  return {
    pick(rng) {
      const r = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return values[lo]!;
    },
  };
}
