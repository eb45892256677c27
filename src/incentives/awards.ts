/**
 * Team awards (internal), decided across all agents after the plan cap (spec §7):
 * `rank` (competition ranking "1, 2, 2, 4" after tie-breakers, with a tie
 * policy at the cutoff) and `pool` (funding, eligibility, largest remainder).
 */
import { allocate } from "./allocate.js";
import { type CompiledNode, compileNode, type Slots, valueText } from "./conditions.js";
import { add, div, fractionString, fromNumber, integer, mul, ZERO } from "./rational.js";
import type { ConditionTrace, PoolAwardTrace, RankAwardTrace } from "./result.js";
import type { PoolAward, RankAward, Reward } from "./schema.js";

/** A rank award, parsed once. */
export interface CompiledRank {
  readonly kind: "rank";
  readonly id: string;
  readonly label: string | undefined;
  /** The ranking metric first, then each tie-breaker; `desc` ranks higher values first. */
  readonly keys: readonly { readonly metric: string; readonly slot: number; readonly desc: boolean }[];
  readonly top: number;
  readonly include: boolean;
  readonly eligible: CompiledNode | null;
  readonly reward: Reward;
}

/** A pool award, parsed once. */
export interface CompiledPool {
  readonly kind: "pool";
  readonly id: string;
  readonly label: string | undefined;
  readonly amountMinor: number;
  readonly funded: CompiledNode | null;
  readonly eligible: CompiledNode | null;
  readonly splitBy: number;
}

export function compileRank(a: RankAward, slots: Slots): CompiledRank {
  return {
    kind: "rank",
    id: a.id,
    label: a.label,
    keys: [
      { metric: a.metric, slot: slots.agent(a.metric), desc: a.order !== "asc" },
      ...(a.tieBreakers ?? []).map((t) => ({ metric: t.metric, slot: slots.agent(t.metric), desc: t.order !== "asc" })),
    ],
    top: a.top,
    include: a.tiePolicy !== "excludeAllTiedAtCutoff",
    eligible: a.eligible ? compileNode(a.eligible, slots) : null,
    reward: a.reward,
  };
}

export function compilePool(a: PoolAward, slots: Slots): CompiledPool {
  return {
    kind: "pool",
    id: a.id,
    label: a.label,
    amountMinor: a.amountMinor,
    funded: a.fundedWhen ? compileNode(a.fundedWhen, slots) : null,
    eligible: a.eligible ? compileNode(a.eligible, slots) : null,
    splitBy: slots.agent(a.splitBy.metric),
  };
}

/**
 * Every agent's checked metric values, laid out as `checkInput` returns them
 * (its result fits): agent `i`'s value in slot `s` is `values[i * stride + s]`.
 */
export interface AgentTable {
  /** The agents' ids, in input order. */
  readonly ids: readonly string[];
  /** Every agent's values, one row of `stride` slots per agent. */
  readonly values: Float64Array;
  /** The number of slots in one agent's row. */
  readonly stride: number;
  /** The team's values by slot. */
  readonly team: Float64Array;
}

/** Who won a rank award: `won[i]` per agent, and each agent's trace when asked. */
export interface RankOutcome {
  readonly won: Uint8Array;
  readonly traces: RankAwardTrace[] | null;
}

/**
 * Ranks the eligible agents. Values compare as doubles, which is exact (the
 * shortest decimal spellings order like the doubles: see `Constant` in
 * conditions.ts). Agents equal on every key share a rank (competition ranking:
 * the next rank skips). A tied group that lies wholly within `top` wins; one
 * that straddles the cutoff wins under `includeAllTiedAtCutoff` and loses under
 * `excludeAllTiedAtCutoff`. The outcome never depends on input order.
 */
export function decideRank(r: CompiledRank, table: AgentTable, trace: boolean): RankOutcome {
  const { ids, values, stride } = table;
  const n = ids.length;
  const eligibility: (ConditionTrace | undefined)[] | null = trace ? new Array(n) : null;
  const ranked = eligibleAgents(r.eligible, table, eligibility);
  const keys = r.keys;
  const cmp = (a: number, b: number): number => {
    for (const k of keys) {
      const va = values[a * stride + k.slot]!;
      const vb = values[b * stride + k.slot]!;
      if (va !== vb) return va < vb === k.desc ? 1 : -1;
    }
    return 0;
  };
  // Ties after every key keep a deterministic order (by id) for the trace's "tied with" lists only.
  ranked.sort((a, b) => cmp(a, b) || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const won = new Uint8Array(n);
  const rank = new Int32Array(n);
  const groupStart = new Int32Array(n);
  const groupEnd = new Int32Array(n);
  for (let s = 0; s < ranked.length; ) {
    let e = s + 1;
    while (e < ranked.length && cmp(ranked[s]!, ranked[e]!) === 0) e++;
    const wins = e <= r.top || (s < r.top && r.include);
    for (let k = s; k < e; k++) {
      const i = ranked[k]!;
      rank[i] = s + 1;
      groupStart[i] = s;
      groupEnd[i] = e;
      if (wins) won[i] = 1;
    }
    s = e;
  }
  if (!trace) return { won, traces: null };
  const policy = r.include ? "includeAllTiedAtCutoff" : "excludeAllTiedAtCutoff";
  const traces: RankAwardTrace[] = [];
  for (let i = 0; i < n; i++) {
    const eligible = rank[i]! > 0;
    const tiedWith: string[] = [];
    let reason: string;
    if (!eligible) reason = "not eligible";
    else {
      for (let k = groupStart[i]!; k < groupEnd[i]!; k++) if (ranked[k] !== i) tiedWith.push(ids[ranked[k]!]!);
      const at = `rank ${rank[i]} of ${ranked.length}`;
      const straddles = groupStart[i]! < r.top && groupEnd[i]! > r.top;
      if (straddles) {
        reason = `${at}, tied with ${tiedWith.join(", ")} across the cutoff of top ${r.top} (${groupEnd[i]! - groupStart[i]!} tied for places ${groupStart[i]! + 1}–${groupEnd[i]}); ${policy}: ${won[i] ? "all win" : "none win"}`;
      } else if (won[i]) {
        reason = `${at}, within the top ${r.top}${tiedWith.length > 0 ? ` (tied with ${tiedWith.join(", ")})` : ""}`;
      } else reason = `${at}, outside the top ${r.top}`;
    }
    const read = eligible ? keys.map((k) => `${k.metric} ${valueText(values[i * stride + k.slot]!)}`) : [];
    const t: RankAwardTrace = {
      kind: "rank",
      id: r.id,
      eligible,
      values: read,
      rank: eligible ? rank[i]! : null,
      ranked: ranked.length,
      tiedWith,
      won: won[i] === 1,
      reason,
    };
    const e = eligibility?.[i];
    traces.push(withLabel(e ? { ...t, eligibility: e } : t, r.label));
  }
  return { won, traces };
}

/** Each agent's share of a pool, and each agent's trace when asked. */
export interface PoolOutcome {
  readonly amounts: Float64Array;
  readonly traces: PoolAwardTrace[] | null;
}

/**
 * Splits a pool: nothing when `fundedWhen` fails or no eligible agent has a
 * positive weight; otherwise largest remainder over the eligible agents'
 * weights, ties by larger weight, then by agent id ascending (code-unit order).
 */
export function decidePool(p: CompiledPool, table: AgentTable, trace: boolean): PoolOutcome {
  const { ids, values, stride, team } = table;
  const n = ids.length;
  const { funded, funding } = fundedWhen(p.funded, team, trace);
  const amounts = new Float64Array(n);
  const eligibility: (ConditionTrace | undefined)[] | null = trace ? new Array(n) : null;
  const members = funded ? eligibleAgents(p.eligible, table, eligibility) : [];
  const weights = members.map((i) => fromNumber(values[i * stride + p.splitBy]!));
  let total = ZERO;
  for (const w of weights) total = add(total, w);
  const paid = funded && total.n > 0n;
  let bumped: Uint8Array | null = null;
  if (paid) {
    const allocation = allocate(
      p.amountMinor,
      weights,
      members.map((i) => ids[i]!),
    );
    bumped = allocation.bumped;
    for (let k = 0; k < members.length; k++) amounts[members[k]!] = allocation.parts[k]!;
  }
  if (!trace) return { amounts, traces: null };
  const position = new Int32Array(n).fill(-1);
  for (let k = 0; k < members.length; k++) position[members[k]!] = k;
  const traces: PoolAwardTrace[] = [];
  const pool = integer(p.amountMinor);
  for (let i = 0; i < n; i++) {
    const k = position[i]!;
    const w = k >= 0 ? weights[k]! : ZERO;
    const t: PoolAwardTrace = {
      kind: "pool",
      id: p.id,
      funded,
      eligible: k >= 0,
      weight: fractionString(w),
      poolMinor: p.amountMinor,
      totalWeight: fractionString(total),
      exactShare: fractionString(paid && k >= 0 ? div(mul(pool, w), total) : ZERO),
      remainderUnit: bumped !== null && k >= 0 && bumped[k] === 1,
      amountMinor: amounts[i]!,
    };
    let out: PoolAwardTrace = funding ? { ...t, funding } : t;
    const e = eligibility?.[i];
    if (e) out = { ...out, eligibility: e };
    traces.push(withLabel(out, p.label));
  }
  return { amounts, traces };
}

/**
 * The agents that pass `node` (every agent without one), in input order. When
 * tracing, agent `i`'s outcome goes into `outcomes[i]`.
 */
function eligibleAgents(
  node: CompiledNode | null,
  table: AgentTable,
  outcomes: (ConditionTrace | undefined)[] | null,
): number[] {
  const { ids, values, stride, team } = table;
  const passed: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (node === null) passed.push(i);
    else if (outcomes === null) {
      if (node.test(values, i * stride, team)) passed.push(i);
    } else {
      const outcome = node.explain(values, i * stride, team);
      outcomes[i] = outcome;
      if (outcome.passed) passed.push(i);
    }
  }
  return passed;
}

/** Whether a pool is funded (always without a `fundedWhen`), and the condition's outcome when tracing. */
function fundedWhen(
  node: CompiledNode | null,
  team: Float64Array,
  trace: boolean,
): { readonly funded: boolean; readonly funding: ConditionTrace | undefined } {
  if (node === null) return { funded: true, funding: undefined };
  // fundedWhen reads team metrics only: no agent's row.
  if (!trace) return { funded: node.test(NO_AGENT, 0, team), funding: undefined };
  const funding = node.explain(NO_AGENT, 0, team);
  return { funded: funding.passed, funding };
}

const NO_AGENT = /* @__PURE__ */ new Float64Array(0);

function withLabel<T extends object>(t: T, label: string | undefined): T {
  return label === undefined ? t : { ...t, label };
}
