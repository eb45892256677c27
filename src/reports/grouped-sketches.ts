/**
 * Internal: the quantile sketches of a tally's many groups, built at once.
 *
 * @module
 */
import type { QuantileSketch } from "./sketch.js";
import { pushRuns } from "./sketch-store.js";

/**
 * Internal: the sketches of many groups at once, for a tally with thousands of
 * groups. A {@link SketchStore} per group would buffer a few hundred values
 * each (thousands of small typed arrays, grown one by one, written all over
 * memory); here every value's bucket index is appended to one log with its
 * group's number, and each group's count, zero count, min and max sit
 * together in one row of a table. {@link GroupedSketches.sketches} sorts the
 * log by group once and gives each group's sketch: the same plain JSON a
 * `SketchStore` of the same values gives (the bins depend only on the values,
 * not on their order).
 */
export class GroupedSketches {
  readonly alpha: number;
  private readonly inverseLogGamma: number;
  /** Per group `g`: count, zero count, min, max at `4g … 4g + 3`. */
  private summary: Float64Array = new Float64Array(4 * 64);
  private groups = 0;
  /** The log: the group and the bucket index of each non-zero value, in the order added. */
  private groupOf: Int32Array;
  private indexOf: Int32Array;
  private length = 0;

  /**
   * @param capacity - How many values the log should hold without growing:
   *   a tally that adds at most one value per record passes the record count,
   *   so two million tickets make one array of each, not twenty doublings
   *   whose discarded copies (megabytes each) the collector must then sweep.
   */
  constructor(alpha: number, capacity = 1024) {
    this.alpha = alpha;
    this.inverseLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
    this.groupOf = new Int32Array(Math.max(16, capacity));
    this.indexOf = new Int32Array(Math.max(16, capacity));
  }

  /** Starts group number `g` (groups are numbered 0, 1, 2, … in the order they start). */
  open(g: number): void {
    if (4 * g + 4 > this.summary.length) {
      const bigger = new Float64Array(2 * this.summary.length);
      bigger.set(this.summary);
      this.summary = bigger;
    }
    this.summary[4 * g + 2] = Number.POSITIVE_INFINITY; // min
    this.summary[4 * g + 3] = Number.NEGATIVE_INFINITY; // max
    this.groups = g + 1;
  }

  /** Adds a value (trusted: finite, ≥ 0) to group `g`'s sketch. */
  add(g: number, value: number): void {
    const row = 4 * g;
    const summary = this.summary;
    summary[row] = (summary[row] as number) + 1;
    if (value < (summary[row + 2] as number)) summary[row + 2] = value;
    if (value > (summary[row + 3] as number)) summary[row + 3] = value;
    if (value === 0) {
      summary[row + 1] = (summary[row + 1] as number) + 1;
      return;
    }
    if (this.length === this.groupOf.length) {
      const groupOf = new Int32Array(2 * this.length);
      groupOf.set(this.groupOf);
      this.groupOf = groupOf;
      const indexOf = new Int32Array(2 * this.length);
      indexOf.set(this.indexOf);
      this.indexOf = indexOf;
    }
    this.groupOf[this.length] = g;
    this.indexOf[this.length] = Math.ceil(Math.log(value) * this.inverseLogGamma);
    this.length++;
  }

  /** Every group's sketch, by group number, in the canonical plain JSON form of {@link SketchStore.toJSON}. */
  sketches(): QuantileSketch[] {
    const groups = this.groups;
    const n = this.length;
    // Sort the log by group (a counting sort): group g's indices end up in sorted[starts[g] … starts[g + 1]).
    const starts = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) {
      const at = (this.groupOf[i] as number) + 1;
      starts[at] = (starts[at] as number) + 1;
    }
    for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
    const next = starts.slice(0, groups);
    const sorted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const g = this.groupOf[i] as number;
      sorted[next[g] as number] = this.indexOf[i] as number;
      next[g] = (next[g] as number) + 1;
    }
    const out: QuantileSketch[] = new Array(groups);
    let counts = new Int32Array(0);
    for (let g = 0; g < groups; g++) {
      const from = starts[g] as number;
      const to = starts[g + 1] as number;
      const bins: [number, number][] = [];
      if (to > from) {
        let low = sorted[from] as number;
        let high = low;
        for (let i = from + 1; i < to; i++) {
          const index = sorted[i] as number;
          if (index < low) low = index;
          else if (index > high) high = index;
        }
        if (high - low < 4 * (to - from)) {
          // Many values for the span of their buckets: count them into a dense array.
          if (counts.length < high - low + 1) counts = new Int32Array(2 * (high - low + 1));
          for (let i = from; i < to; i++) {
            const at = (sorted[i] as number) - low;
            counts[at] = (counts[at] as number) + 1;
          }
          for (let k = 0; k <= high - low; k++) {
            const c = counts[k] as number;
            if (c > 0) {
              bins.push([k + low, c]);
              counts[k] = 0;
            }
          }
        } else {
          // Few values spread over many buckets: sort them.
          sorted.subarray(from, to).sort();
          pushRuns(sorted, from, to, bins);
        }
      }
      const row = 4 * g;
      const count = this.summary[row] as number;
      out[g] = {
        relativeAccuracy: this.alpha,
        count,
        zeroCount: this.summary[row + 1] as number,
        min: count === 0 ? null : (this.summary[row + 2] as number),
        max: count === 0 ? null : (this.summary[row + 3] as number),
        bins,
      };
    }
    return out;
  }
}
