/**
 * The cross-field rules of `validatePlan`: what the plan declares and what
 * refers to it (metrics, proration), unique ids, caps, contiguous bands, KPI
 * weights summing to 100, monotone curves, and dates in order.
 *
 * @module
 */
import { add, compare, fractionString, HUNDRED, type Rational, ZERO } from "./rational.js";
import { BETTER, exactNumber, METRIC_TYPES, text } from "./validate-values.js";
import {
  type Check,
  type Cx,
  child,
  type Declared,
  expected,
  expectedText,
  isPlainObject,
  own,
  type Parsed,
  type Place,
  PROTOTYPE_KEYS,
  report,
} from "./validate-walker.js";

// Declarations.

/** What a plan declares, read before any check so that no check depends on the order of the plan's keys. */
export interface Declarations {
  readonly agent: ReadonlySet<string>;
  readonly team: ReadonlySet<string>;
  readonly definitions: ReadonlyMap<string, Declared>;
  readonly prorates: boolean;
}

/** Reads a plan's declared metrics and whether it has a `proration` block; reports nothing (the walk does). */
export function declarations(plan: Readonly<Record<string, unknown>>): Declarations {
  const definitions = new Map<string, Declared>();
  const agent = metricNames(own(plan, "metrics"), definitions);
  const team = metricNames(own(plan, "teamMetrics"), new Map());
  return { agent, team, definitions, prorates: own(plan, "proration") !== undefined };
}

/** Declared metric names (prototype keys left out), each definition's valid type and direction into `out`. */
function metricNames(v: unknown, out: Map<string, Declared>): Set<string> {
  const names = new Set<string>();
  if (!isPlainObject(v)) return names;
  for (const name of Object.keys(v)) {
    if (PROTOTYPE_KEYS.includes(name)) continue;
    names.add(name);
    const d = v[name];
    if (!isPlainObject(d)) continue;
    const type = own(d, "type");
    const better = own(d, "better");
    out.set(name, {
      type: METRIC_TYPES.includes(type as never) ? (type as string) : undefined,
      better: BETTER.includes(better as string) ? (better as string) : undefined,
    });
  }
  return names;
}

// References to declared metrics.

/** `unknown_metric`, naming the declared metrics and the nearest one when it is a likely misspelling. */
function unknownMetric(at: Place, name: string, where: "metrics" | "teamMetrics"): undefined {
  const declared = [...((where === "metrics" ? at.cx.agent : at.cx.team) ?? [])];
  return report(at, "unknown_metric", `"${name}" is not declared in ${where} (${suggestion(name, declared)})`);
}

/** `did you mean "tickets"? declared: tickets, qa`, `declared: …` or `none declared`. */
function suggestion(name: string, declared: readonly string[]): string {
  if (declared.length === 0) return "none declared";
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1; // a third of the name's letters at most
  for (const d of declared) {
    const distance = editDistance(name.toLowerCase(), d.toLowerCase());
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  const list = `declared: ${declared.join(", ")}`;
  return best === undefined ? list : `did you mean "${best}"? ${list}`;
}

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** A declared agent metric (never one in a condition decided once for the team). */
export function metric(v: unknown, at: Place): unknown {
  const name = text(v, at);
  if (name === undefined) return undefined;
  const { cx } = at;
  if (cx.teamOnly) {
    report(at, "team_condition_reads_agent_metric", `a team condition may read team metrics only, not "${name}"`);
  } else if (cx.agent !== null && !cx.agent.has(name)) unknownMetric(at, name, "metrics");
  return name;
}

/** A declared team metric. */
export function teamMetric(v: unknown, at: Place): void {
  const name = text(v, at);
  if (name !== undefined && at.cx.team !== null && !at.cx.team.has(name)) unknownMetric(at, name, "teamMetrics");
}

/** The metric holding active days: declared, of type `days` (or `count`). */
export function activeDaysMetric(v: unknown, at: Place): undefined {
  const name = text(v, at);
  if (name === undefined) return;
  if (!at.cx.agent?.has(name)) return unknownMetric(at, name, "metrics");
  const type = at.cx.definitions.get(name)?.type;
  if (type !== "days" && type !== "count") {
    report(at, "invalid_value", expectedText('a metric of type "days"', `"${name}" of type "${type}"`));
  }
}

/** `prorate: true` needs the plan's `proration` block (a faulty block counts: it is reported on its own). */
export function prorate(v: unknown, at: Place): void {
  if (typeof v !== "boolean") report(at, "invalid_type", expected("true or false", v));
  else if (v && !at.cx.prorates) {
    report(at, "proration_not_configured", `proration needs the plan's "proration.activeDaysMetric"`);
  }
}

// Ids.

/** A component or award id, unique across both (`planCap` names the plan cap line). */
export function componentId(v: unknown, at: Place): void {
  unique(v, at, { seen: at.cx.ids, among: "component, award and planCap ids" });
}

/** A KPI id, unique within its scorecard. */
export function kpiId(v: unknown, at: Place): void {
  unique(v, at, { seen: at.cx.kpiIds, among: "the scorecard's KPI ids" });
}

/** A non-empty string not yet in `seen` (then added to it). */
function unique(v: unknown, at: Place, ids: { readonly seen: Set<string>; readonly among: string }): void {
  const name = text(v, at);
  if (name === undefined) return;
  if (ids.seen.has(name)) report(at, "duplicate_id", expectedText(`an id unique among ${ids.among}`, `"${name}"`));
  ids.seen.add(name);
}

// Caps, bands, weights, curves, dates.

/** A checked cap: `pctOfTarget` on scorecards only, and at least one of the two limits. */
export function capRule(cap: Parsed | null, at: Place, scorecard: boolean): void {
  if (cap && !scorecard && "pctOfTarget" in cap) {
    report(child(at, "pctOfTarget"), "invalid_cap", "pctOfTarget applies to scorecards only");
  } else if (cap && !("amountMinor" in cap) && !("pctOfTarget" in cap)) {
    report(at, "invalid_cap", "a cap needs amountMinor or pctOfTarget");
  }
}

/**
 * The rule of a list of bands, fed each checked band in turn (`null` when it
 * was not an object): contiguous from 0, each non-empty, only the last open-ended.
 */
export function bandSequence(at: Place, count: number): (band: Parsed | null, i: number) => void {
  let previousTo: Rational | null = ZERO; // null: unknown (an earlier band was invalid or open-ended)
  return (b, i) => {
    if (!b) {
      previousTo = null;
      return;
    }
    const here = child(at, i);
    const from = b.fromPct;
    const to = b.toPct;
    const c = from === undefined || previousTo === null ? 0 : compare(from, previousTo);
    if (c !== 0) {
      const start = `fromPct ${fractionString(previousTo!)} (where ${i === 0 ? "bands start" : `band ${i - 1} ends`})`;
      report(child(here, "fromPct"), c > 0 ? "band_gap" : "band_overlap", expectedText(start, fractionString(from!)));
    }
    if (to !== undefined && from !== undefined && compare(to, from) <= 0) {
      report(child(here, "toPct"), "band_empty", expectedText(`toPct > ${fractionString(from)}`, fractionString(to)));
    }
    const last = i === count - 1;
    const hasTo = "toPct" in b;
    if (last && hasTo)
      report(child(here, "toPct"), "band_not_open_ended", "the last band must be open-ended (no toPct)");
    else if (!last && !hasTo) report(child(here, "toPct"), "band_not_closed", "only the last band may omit toPct");
    previousTo = to ?? null;
  };
}

/** KPI weights sum to exactly 100 (checked only when every weight could be read). */
export function weightsRule(kpis: readonly (Parsed | null)[], at: Place): void {
  let sum: Rational = ZERO;
  for (const k of kpis) {
    const weight = k?.weight;
    if (weight === undefined) return;
    sum = add(sum, weight);
  }
  if (compare(sum, HUNDRED) !== 0) {
    report(at, "weights_not_100", expectedText("KPI weights summing to 100", `a sum of ${fractionString(sum)}`));
  }
}

/** A KPI's curve: x improves in the KPI's direction (its `better`, else its metric's, else higher). */
export function kpiCurve(v: unknown, at: Place): void {
  const better = own(at.parent, "better");
  const name = own(at.parent, "metric");
  const declared = typeof name === "string" && name.length > 0 ? at.cx.definitions.get(name)?.better : undefined;
  const direction = BETTER.includes(better as string) ? better : declared;
  checkCurve(v, at, direction === "lower");
}

/** A payout curve: x rises. */
export const payoutCurve: Check = (v, at) => checkCurve(v, at, false);

/** `[x, y]` points, x strictly improving (falling when `lower`), y never falling and ≥ 0. */
function checkCurve(v: unknown, at: Place, lower: boolean): void {
  if (!Array.isArray(v) || v.length === 0) {
    report(at, "invalid_type", expected("a non-empty array of [value, score] points", v));
    return;
  }
  let px: Rational | undefined;
  let py: Rational | undefined;
  for (let i = 0; i < v.length; i++) {
    const here = child(at, i);
    const point = v[i];
    if (!Array.isArray(point) || point.length !== 2) {
      report(here, "invalid_type", expected("a point [value, score]", point));
      px = py = undefined;
      continue;
    }
    const x =
      point[0] === undefined
        ? undefined
        : exactNumber(point[0], child(here, 0), { code: "invalid_number", least: -1, rangeCode: "" });
    const y =
      point[1] === undefined
        ? undefined
        : exactNumber(point[1], child(here, 1), { code: "invalid_number", least: 0, rangeCode: "out_of_range" });
    if (x !== undefined && px !== undefined && compare(x, px) * (lower ? -1 : 1) <= 0) {
      const what = `a value ${lower ? "<" : ">"} ${fractionString(px)} (better: ${lower ? "lower" : "higher"})`;
      report(child(here, 0), "non_monotone_curve", expectedText(what, fractionString(x)));
    }
    if (y !== undefined && py !== undefined && compare(y, py) < 0) {
      report(child(here, 1), "non_monotone_curve", expectedText(`a score ≥ ${fractionString(py)}`, fractionString(y)));
    }
    px = x;
    py = y;
  }
}

/** `effective.to` is on or after `effective.from`. */
export function datesRule(effective: Parsed | null, at: Place): void {
  const from = effective?.from;
  const to = effective?.to;
  if (from !== undefined && to !== undefined && from > to) {
    report(child(at, "to"), "invalid_date", expectedText(`a date on or after ${from}`, to));
  }
}

/** A fresh validation state for `scope`. */
export function context(scope: Pick<Cx, "agent" | "team" | "teamOnly" | "prorates" | "definitions">): Cx {
  return { ...scope, issues: [], ids: new Set(["planCap"]), kpiIds: new Set() };
}
