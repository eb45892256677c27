/**
 * Internal: the accumulating quantile sketch behind {@link quantileSketch},
 * {@link mergeSketches} and the tally merges.
 *
 * @module
 */
import type { QuantileSketch } from "./sketch.js";

/**
 * Internal: an accumulating sketch. A small sketch buffers its values and
 * buckets them once in `toJSON` (a report with 10 000 groups keeps a few
 * values per group, not a bucket array each); past {@link DENSE_FROM} values, or
 * on the first merged bucket, it counts into a dense typed array around the
 * indices seen (`offset` is the index of `counts[0]`; empty buckets hold 0).
 * When the buckets seen span more than {@link MAX_DENSE_SPAN} indices (values
 * from 1e-300 to 1e300 at a small α, or a hand-made sketch), it counts in a map
 * instead, so a wide sketch costs memory by its bins, not by its span.
 */
export class SketchStore {
  readonly alpha: number;
  private readonly inverseLogGamma: number;
  count = 0;
  zeroCount = 0;
  min: number = Number.POSITIVE_INFINITY;
  max: number = Number.NEGATIVE_INFINITY;
  private buffer: Float64Array = EMPTY_BUFFER;
  /** How many values are buffered; −1 once counted (densely, or in `sparse`). */
  private buffered = 0;
  /** The dense counts: `counts[k]` is bucket `offset + k` (empty while buffering or sparse). */
  counts: Float64Array = EMPTY_BUFFER;
  offset = 0;
  /** The counts by bucket index, once the buckets span more than {@link MAX_DENSE_SPAN}. */
  private sparse: Map<number, number> | null = null;

  constructor(alpha: number) {
    this.alpha = alpha;
    this.inverseLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
  }

  /** Adds a value (trusted: finite, ≥ 0). */
  add(value: number): void {
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value === 0) {
      this.zeroCount++;
      return;
    }
    if (this.buffered < 0) {
      this.addBin(Math.ceil(Math.log(value) * this.inverseLogGamma), 1);
      return;
    }
    if (this.buffered === this.buffer.length) {
      if (this.buffered >= DENSE_FROM) {
        this.flush();
        this.addBin(Math.ceil(Math.log(value) * this.inverseLogGamma), 1);
        return;
      }
      const bigger = new Float64Array(Math.max(8, this.buffered * 2));
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.buffered++] = value;
  }

  /** Moves the buffered values into the counts; from then on values are counted directly. */
  private flush(): void {
    const n = this.buffered;
    this.buffered = -1;
    for (let i = 0; i < n; i++) this.addBin(Math.ceil(Math.log(this.buffer[i] as number) * this.inverseLogGamma), 1);
    this.buffer = EMPTY_BUFFER;
  }

  /** Adds `n` to bucket `index`. */
  addBin(index: number, n: number): void {
    const at = index - this.offset;
    if (at >= 0 && at < this.counts.length) {
      // The common case once dense: the bucket is already covered (the counts are empty unless dense).
      this.counts[at] = (this.counts[at] as number) + n;
      return;
    }
    if (this.cover(index, index)) {
      const k = index - this.offset;
      this.counts[k] = (this.counts[k] as number) + n;
    } else {
      const sparse = this.sparse as Map<number, number>;
      sparse.set(index, (sparse.get(index) ?? 0) + n);
    }
  }

  /**
   * Makes the dense counts cover buckets `low`…`high` (counting any buffered
   * values first) and says whether they do: `false` when that would span more
   * than {@link MAX_DENSE_SPAN} buckets, and the store counts in a map from
   * then on. When the counts grow, they at least double (towards the side that
   * needed room), so repeated growth stays linear.
   */
  cover(low: number, high: number): boolean {
    if (this.buffered > 0) this.flush();
    this.buffered = -1;
    if (this.sparse !== null) return false;
    const counts = this.counts;
    const start = this.offset;
    const end = start + counts.length;
    if (counts.length === 0) {
      if (high - low >= MAX_DENSE_SPAN) return this.toSparse();
      this.counts = new Float64Array(high - low + 1);
      this.offset = low;
      return true;
    }
    if (low >= start && high < end) return true;
    const from = low < start ? low : start;
    const to = high >= end ? high + 1 : end;
    if (to - from > MAX_DENSE_SPAN) return this.toSparse();
    const length = Math.min(Math.max(to - from, 2 * counts.length), MAX_DENSE_SPAN);
    const offset = low < start ? to - length : from;
    const grown = new Float64Array(length);
    grown.set(counts, start - offset);
    this.counts = grown;
    this.offset = offset;
    return true;
  }

  /** Moves the dense counts into a map; returns `false` (the counts no longer cover anything). */
  private toSparse(): false {
    const sparse = new Map<number, number>();
    const counts = this.counts;
    for (let k = 0; k < counts.length; k++) {
      const n = counts[k] as number;
      if (n > 0) sparse.set(k + this.offset, n);
    }
    this.sparse = sparse;
    this.counts = EMPTY_BUFFER;
    return false;
  }

  /** Adds a whole sketch (trusted: bins ascending, indices within what a finite value gives at α). */
  merge(s: QuantileSketch): void {
    this.mergeSummary(s);
    const bins = s.bins;
    if (bins.length === 0) return;
    // The bins ascend: one growth to cover the first to the last, then plain adds.
    if (
      !this.cover((bins[0] as readonly [number, number])[0], (bins[bins.length - 1] as readonly [number, number])[0])
    ) {
      for (const [index, n] of bins) this.addBin(index, n);
      return;
    }
    const c = this.counts;
    const offset = this.offset;
    for (let k = 0; k < bins.length; k++) {
      const bin = bins[k] as readonly [number, number];
      const at = bin[0] - offset;
      c[at] = (c[at] as number) + bin[1];
    }
  }

  /** Adds the count, zero count, min and max of a sketch (trusted) whose bins were added with {@link addBin}. */
  mergeSummary(s: QuantileSketch): void {
    if (s.count === 0) return;
    this.count += s.count;
    this.zeroCount += s.zeroCount;
    if ((s.min as number) < this.min) this.min = s.min as number;
    if ((s.max as number) > this.max) this.max = s.max as number;
  }

  /** The canonical plain JSON form. */
  toJSON(): QuantileSketch {
    const bins: [number, number][] = [];
    if (this.buffered > 0) {
      const indices = new Int32Array(this.buffered);
      for (let i = 0; i < indices.length; i++) {
        indices[i] = Math.ceil(Math.log(this.buffer[i] as number) * this.inverseLogGamma);
      }
      indices.sort();
      pushRuns(indices, 0, indices.length, bins);
    } else if (this.sparse !== null) {
      const indices = Float64Array.from(this.sparse.keys()).sort();
      for (const index of indices) bins.push([index, this.sparse.get(index) as number]);
    } else {
      const counts = this.counts;
      const offset = this.offset;
      for (let k = 0; k < counts.length; k++) {
        const n = counts[k] as number;
        // A count that fits 31 bits goes in as an integer: the pair is then an array of small
        // integers, as JSON.parse makes it, and code reading both sees one kind of array.
        if (n > 0) bins.push([k + offset, n < 0x40000000 ? n | 0 : n]);
      }
    }
    const empty = this.count === 0;
    return {
      relativeAccuracy: this.alpha,
      count: this.count,
      zeroCount: this.zeroCount,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      bins,
    };
  }
}

/** Internal: appends the `[index, count]` runs of the ascending bucket indices `sorted[from..to)` to `bins`. */
export function pushRuns(sorted: Int32Array, from: number, to: number, bins: [number, number][]): void {
  for (let i = from; i < to; ) {
    const index = sorted[i] as number;
    let j = i + 1;
    while (j < to && sorted[j] === index) j++;
    bins.push([index, j - i]);
    i = j;
  }
}

/** How many values a sketch buffers before it counts into dense buckets. */
const DENSE_FROM = 1024;
/**
 * The most buckets the dense counts span (2 MiB of counts): 1 ms to 100 years
 * needs about 1 440 at α = 0.01 and 144 000 at α = 1e-4; past it, a map.
 */
const MAX_DENSE_SPAN = 1 << 18;
const EMPTY_BUFFER = /* @__PURE__ */ new Float64Array(0);
