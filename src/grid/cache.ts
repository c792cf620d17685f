// Results of recent custom-function calls, reused when Excel recalculates a function with the same
// arguments (Excel passes new arrays on every call, so arguments are compared by content, never by
// reference). Keyed by function, a context (display language, date order, argument addresses: what
// else shapes a result or its messages) and a 32-bit FNV-1a hash of the arguments' structure and
// values (Fowler, Noll, Vo: http://www.isthe.com/chongo/tech/comp/fnv/); a hit is confirmed by a full
// comparison with a copy of the arguments kept with the result, so a hash collision can never return
// another call's result. Bounded: least recently used entries go first when there are more than
// `entries` results or their arguments and results hold more than `cells` values in all.

export interface CacheLimits {
  /** Most results kept. */
  entries: number;
  /** Most values kept, arguments and results together. */
  cells: number;
}

/**
 * A workbook's worth of calls: 1,000 results (a least-recently-used cache smaller than the number of
 * cells one recalculation computes would lose every result before it is asked for again), and at
 * most 2,000,000 values (some 16 to 50 MB).
 */
export const DEFAULT_CACHE_LIMITS: CacheLimits = { entries: 1000, cells: 2_000_000 };

/** Hash of a call's arguments (replaceable in tests, to force collisions). */
export type ArgsHash = (args: readonly unknown[]) => number;

/** A call's arguments and the bucket their hash puts them in (ResultCache.keyOf). */
export interface CallKey {
  bucket: string;
  args: readonly unknown[];
}

interface Entry<V> {
  bucket: string;
  args: unknown[];
  value: V;
  cells: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  cells: number;
  evicted: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(h: number, word: number): number {
  let x = h;
  x = Math.imul(x ^ (word & 0xff), FNV_PRIME);
  x = Math.imul(x ^ ((word >>> 8) & 0xff), FNV_PRIME);
  x = Math.imul(x ^ ((word >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(x ^ (word >>> 24), FNV_PRIME);
}

function hashValue(h: number, v: unknown): number {
  if (Array.isArray(v)) {
    let x = mix(mix(h, 1), v.length);
    for (const item of v) x = hashValue(x, item);
    return x;
  }
  switch (typeof v) {
    case "number":
      f64[0] = v;
      return mix(mix(mix(h, 2), u32[0]), u32[1]);
    case "string": {
      let x = mix(mix(h, 3), v.length);
      for (let i = 0; i < v.length; i++) x = mix(x, v.charCodeAt(i));
      return x;
    }
    case "boolean":
      return mix(h, v ? 4 : 5);
    case "undefined":
      return mix(h, 6);
    default:
      // null, and objects (compared by reference below: such a call is simply not reused)
      return mix(h, v === null ? 7 : 8);
  }
}

/** FNV-1a over the arguments: each array's length, then its items; each value's type and content. */
export const hashArgs: ArgsHash = (args) => hashValue(FNV_OFFSET, args) >>> 0;

/** Same structure and values (numbers by Object.is: -0 is not 0, NaN is NaN). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  return Object.is(a, b);
}

/** A copy of the arrays (values are Excel's numbers, text, booleans and blanks). */
function copyArgs(v: unknown): unknown {
  return Array.isArray(v) ? v.map(copyArgs) : v;
}

/** Values in the arguments (each array item that is not an array counts one). */
export function countCells(v: unknown): number {
  if (!Array.isArray(v)) return 1;
  let n = 0;
  for (const item of v) n += Array.isArray(item) ? countCells(item) : 1;
  return n;
}

export class ResultCache<V> {
  private readonly buckets = new Map<string, Entry<V>[]>();
  /** Entries, least recently used first (a Set keeps insertion order). */
  private readonly order = new Set<Entry<V>>();
  private cells = 0;
  private hits = 0;
  private misses = 0;
  private evicted = 0;

  constructor(
    readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
    private readonly hash: ArgsHash = hashArgs
  ) {}

  /** A call's key: its arguments and their bucket (hashed once, for a get and the set after it). */
  keyOf(fn: string, context: string, args: readonly unknown[]): CallKey {
    return { bucket: `${fn}\u0000${context}\u0000${this.hash(args)}`, args };
  }

  /** The value stored for exactly these arguments, or undefined. */
  get(fn: string, context: string, args: readonly unknown[]): V | undefined {
    return this.getKey(this.keyOf(fn, context, args));
  }

  /** As get, for a key made by keyOf. */
  getKey({ bucket, args }: CallKey): V | undefined {
    const list = this.buckets.get(bucket);
    const found = list?.find((e) => sameValue(e.args, args));
    if (!found) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.order.delete(found);
    this.order.add(found);
    return found.value;
  }

  /**
   * Keeps `value` for these arguments (a copy of them); `resultCells` is the value's size. A call
   * larger than the whole budget is not kept.
   */
  set(fn: string, context: string, args: readonly unknown[], value: V, resultCells: number): void {
    this.setKey(this.keyOf(fn, context, args), value, resultCells);
  }

  /** As set, for a key made by keyOf. */
  setKey({ bucket, args }: CallKey, value: V, resultCells: number): void {
    const cells = countCells(args) + resultCells;
    if (cells > this.limits.cells || this.limits.entries < 1) return;
    const list = this.buckets.get(bucket) ?? [];
    const old = list.findIndex((e) => sameValue(e.args, args));
    if (old >= 0) this.remove(list[old]);
    const entry: Entry<V> = { bucket, args: copyArgs(args) as unknown[], value, cells };
    const current = this.buckets.get(bucket);
    if (current) current.push(entry);
    else this.buckets.set(bucket, [entry]);
    this.order.add(entry);
    this.cells += cells;
    for (const e of this.order) {
      if (this.order.size <= this.limits.entries && this.cells <= this.limits.cells) break;
      this.remove(e);
      this.evicted++;
    }
  }

  private remove(entry: Entry<V>): void {
    this.order.delete(entry);
    this.cells -= entry.cells;
    const list = this.buckets.get(entry.bucket);
    if (!list) return;
    const rest = list.filter((e) => e !== entry);
    if (rest.length > 0) this.buckets.set(entry.bucket, rest);
    else this.buckets.delete(entry.bucket);
  }

  clear(): void {
    this.buckets.clear();
    this.order.clear();
    this.cells = 0;
  }

  stats(): CacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      entries: this.order.size,
      cells: this.cells,
      evicted: this.evicted,
    };
  }
}
