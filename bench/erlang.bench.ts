/**
 * requiredAgents at 10, 100 and 2 000 Erlangs (80 % in 20 s, AHT 180 s): the
 * library carries the Erlang B recursion along its search (one pass, O(N))
 * against the textbook Erlang C with powers and factorials, recomputed for
 * every candidate N (the baseline a spreadsheet or a first attempt uses).
 * The textbook form overflows past about 170 agents: at 2 000 Erlangs Aᴺ and
 * N! are Infinity, every candidate gives NaN and the search never stops, so
 * that row is checked (it fails) and not timed.
 */
import { requiredAgents } from "support-metrics";
import type { BenchSection } from "./lib.ts";

const AHT_S = 180;
const T_S = 20;
const TARGET = 0.8;

/** Textbook Erlang C: Aᴺ/N!·N/(N − A) / (Σ_{k<N} Aᵏ/k! + Aᴺ/N!·N/(N − A)). */
function naiveErlangC(a: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += a ** k / factorial(k);
  const top = ((a ** n / factorial(n)) * n) / (n - a);
  return top / (sum + top);
}

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/** The naive search: try N = ⌊A⌋ + 1, ⌊A⌋ + 2, … with a fresh Erlang C each time; gives up after `limit` candidates. */
function naiveRequiredAgents(a: number, limit = 10_000): number | null {
  for (let n = Math.floor(a) + 1; n < Math.floor(a) + limit; n++) {
    const pw = naiveErlangC(a, n);
    const sl = 1 - pw * Math.exp((-(n - a) * T_S) / AHT_S);
    if (sl >= TARGET) return n;
  }
  return null;
}

function ours(erlangs: number): number {
  return requiredAgents({
    arrivals: (erlangs * 1800) / AHT_S,
    intervalMs: 1_800_000,
    averageHandleMs: AHT_S * 1000,
    answerWithinMs: T_S * 1000,
    serviceLevelPercent: TARGET * 100,
  }).agents;
}

// Agree before timing where the textbook form works; show that it fails at 2 000 Erlangs.
for (const erlangs of [10, 100]) {
  const n = naiveRequiredAgents(erlangs);
  if (n !== ours(erlangs)) throw new Error(`${erlangs} Erlangs: naive ${n}, ours ${ours(erlangs)}`);
}
if (naiveRequiredAgents(2000, 200) !== null)
  throw new Error("the textbook form was expected to overflow at 2 000 Erlangs");
if (!Number.isNaN(naiveErlangC(2000, 2100)))
  throw new Error("the textbook Erlang C was expected to give NaN at N = 2 100");

export const sections: BenchSection[] = [10, 100].map(
  (erlangs): BenchSection => ({
    title: `requiredAgents at ${erlangs} Erlangs (80/20)`,
    baseline: "textbook Erlang C (powers, factorials), per candidate N",
    target: "faster than the textbook search and exact where it works",
    rows: [
      { name: "textbook Erlang C (powers, factorials), per candidate N", fn: () => naiveRequiredAgents(erlangs) },
      { name: "support-metrics requiredAgents (Erlang B recursion)", fn: () => ours(erlangs) },
    ],
  }),
);
sections.push({
  title: "requiredAgents at 2 000 Erlangs (80/20): the textbook form overflows (NaN), so only ours is timed",
  baseline: "support-metrics requiredAgents (Erlang B recursion)",
  rows: [{ name: "support-metrics requiredAgents (Erlang B recursion)", fn: () => ours(2000), items: 1 }],
});
