/**
 * The previous settlement (`options.previous`): the JSON an earlier
 * `settlePayouts` returned, stored by the caller and handed back. It is read
 * field by field before anything is paid on it, because a file edited by hand,
 * cut short or mixed up must give a coded issue with its JSON pointer, never a
 * raw `TypeError` or a payment computed from a string. The shape is the
 * `Settlement` type; each table below is tied to its type with `satisfies`, so
 * a field added there cannot be forgotten here. Internal.
 *
 * What this settlement reads is checked in full: the settlement's fields, every
 * agent's id (once), draw, held and owed amounts and to-date sums, every
 * period label (once per list), and the metrics and lines of each prior period
 * the input restates. The metrics and lines of the other prior periods (most
 * of the carry: one entry per agent and period, kept for true-ups) are carried
 * forward untouched and checked when a later settlement restates them, so the
 * check costs little more than the reading it guards.
 */
import { validatePlan } from "../validate.js";
import { get, Issues, isObject, pointer } from "./issues.js";
import type {
  AgentCarry,
  DrawState,
  HeldAmount,
  OwedAmount,
  PriorLine,
  PriorPeriod,
  SettledPeriod,
  Settlement,
  SettlementAgent,
  ToDate,
} from "./types.js";

/**
 * What a field holds: `text` a non-empty string, `integer` a safe integer
 * (minor units may be negative), `count` a safe integer ≥ 0, `flag` a boolean,
 * `list` an array, `record` an object, `recordOrNull` an object or `null`;
 * `?` when it may be absent.
 */
type Kind = "text" | "integer" | "count" | "flag" | "list" | "record" | "recordOrNull";
type Shape<T> = { readonly [K in keyof T]-?: object extends Pick<T, K> ? `${Kind}?` : Kind };

const SETTLEMENT = /* @__PURE__ */ rules({
  schema: "text",
  planId: "text",
  period: "text",
  sequence: "count",
  asOf: "text?",
  currency: "record",
  agents: "list",
  totals: "record",
  periods: "list",
  plans: "list",
} satisfies Shape<Settlement>);

const CURRENCY = /* @__PURE__ */ rules({ code: "text", exponent: "count" } satisfies Shape<Settlement["currency"]>);

const AGENT = /* @__PURE__ */ rules({
  id: "text",
  lines: "list",
  paidMinor: "integer",
  carry: "record",
} satisfies Shape<SettlementAgent>);

const CARRY = /* @__PURE__ */ rules({
  draw: "recordOrNull",
  held: "list",
  owed: "list",
  periods: "list",
  toDate: "record",
} satisfies Shape<AgentCarry>);

const DRAW = /* @__PURE__ */ rules({
  amountMinor: "integer",
  recoverable: "flag",
  periods: "count",
  periodsUsed: "count",
  balanceMinor: "integer",
} satisfies Shape<DrawState>);

const HELD = /* @__PURE__ */ rules({
  period: "text",
  componentId: "text",
  segment: "count",
  amountMinor: "integer",
  releaseSequence: "count",
} satisfies Shape<HeldAmount>);

const OWED = /* @__PURE__ */ rules({
  period: "text",
  componentId: "text",
  segment: "count",
  amountMinor: "integer",
} satisfies Shape<OwedAmount>);

const PRIOR_PERIOD = /* @__PURE__ */ rules({
  period: "text",
  metrics: "record",
  lines: "list",
} satisfies Shape<PriorPeriod>);

const PRIOR_LINE = /* @__PURE__ */ rules({
  id: "text",
  kind: "text",
  segment: "count",
  amountMinor: "integer",
  recognizedMinor: "integer?",
} satisfies Shape<PriorLine>);

const TO_DATE = /* @__PURE__ */ rules({
  earnedMinor: "integer",
  forgivenMinor: "integer",
  owedMinor: "integer",
  recoveredMinor: "integer",
  advancedMinor: "integer",
  heldMinor: "integer",
  releasedMinor: "integer",
  paidMinor: "integer",
} satisfies Shape<ToDate>);

const SETTLED_PERIOD = /* @__PURE__ */ rules({
  period: "text",
  sequence: "count",
  segments: "list",
  teamMetrics: "record",
  agentIds: "list",
} satisfies Shape<SettledPeriod>);

const SEGMENT = /* @__PURE__ */ rules({
  planVersion: "count",
  from: "text?",
  to: "text?",
  days: "count",
} satisfies Shape<SettledPeriod["segments"][number]>);

/** One field's rule: its key, what it holds, whether it may be absent. */
interface Rule {
  readonly key: string;
  readonly kind: Kind;
  readonly optional: boolean;
}

/** A shape table as a list of rules, parsed once when the module loads. */
function rules(shape: Readonly<Record<string, `${Kind}` | `${Kind}?`>>): readonly Rule[] {
  return Object.keys(shape).map((key) => {
    const rule = shape[key] as string;
    const optional = rule.endsWith("?");
    return { key, kind: (optional ? rule.slice(0, -1) : rule) as Kind, optional };
  });
}

const EXPECTED: Readonly<Record<Kind, string>> = {
  text: "a non-empty string",
  integer: "a safe integer (minor units)",
  count: "an integer ≥ 0",
  flag: "true or false",
  list: "an array",
  record: "an object",
  recordOrNull: "an object or null",
};

/**
 * Checks `options.previous`; every problem is an issue under
 * `/options/previous`. `restated` are the periods the input restates (their
 * prior metrics and lines are read, so they are checked too). Returns the
 * settlement when it is well formed, else `undefined` (the call then fails
 * with the issues found).
 */
export function checkPrevious(
  issues: Issues,
  value: unknown,
  restated: ReadonlySet<string>,
  found?: Map<string, Int32Array>,
): Settlement | undefined {
  const at = "/options/previous";
  if (!isObject(value)) {
    issues.expected(at, "invalid_option", "a settlement returned by settlePayouts", value);
    return undefined;
  }
  if (get(value, "schema") !== "cs-settlement/1") {
    issues.expected(`${at}/schema`, "invalid_value", '"cs-settlement/1"', get(value, "schema"));
    return undefined;
  }
  const r: Restated = { restated, found: found ?? new Map() };
  return wellFormed(issues, at, value, r) ? value : undefined;
}

/**
 * The periods the input restates, and (filled while checking) where each sits
 * in each agent's carry: label → per agent (by index in `agents`) the index of
 * that period in its `carry.periods`, or -1. The true-ups read it instead of
 * searching every agent's periods again.
 */
interface Restated {
  readonly restated: ReadonlySet<string>;
  readonly found: Map<string, Int32Array>;
}

/** Whether the settlement's fields, its agents with their carry, its periods and plans are all well formed (each problem an issue). */
function wellFormed(
  issues: Issues,
  at: string,
  s: Record<string, unknown>,
  restated: Restated,
): s is Record<string, unknown> & Settlement {
  const before = issues.list.length;
  if (!fields(issues, at, s, SETTLEMENT)) return false;
  const count = (s["agents"] as unknown[]).length;
  for (const label of restated.restated) restated.found.set(label, new Int32Array(count).fill(-1));
  const currency = s["currency"] as Record<string, unknown>;
  fields(issues, `${at}/currency`, currency, CURRENCY);
  const agentIds = new Set<string>();
  each(issues, `${at}/agents`, s["agents"] as unknown[], (agent, agentAt, index) => {
    if (!fields(issues, agentAt, agent, AGENT)) return;
    const id = agent["id"] as string;
    if (agentIds.has(id)) issues.add(`${agentAt}/id`, "duplicate_id", `agent "${id}" appears twice`);
    agentIds.add(id);
    carry(issues, `${agentAt}/carry`, agent["carry"] as Record<string, unknown>, { restated, index });
  });
  const periods = new Set<string>();
  each(issues, `${at}/periods`, s["periods"] as unknown[], (period, periodAt) => {
    if (!fields(issues, periodAt, period, SETTLED_PERIOD)) return;
    unique(issues, periodAt, period, periods);
    each(issues, `${periodAt}/segments`, period["segments"] as unknown[], (segment, segmentAt) => {
      fields(issues, segmentAt, segment, SEGMENT);
    });
    numbers(issues, `${periodAt}/teamMetrics`, period["teamMetrics"] as Record<string, unknown>);
    const ids = period["agentIds"] as unknown[];
    for (let i = 0; i < ids.length; i++) {
      if (typeof ids[i] !== "string")
        issues.expected(`${periodAt}/agentIds/${i}`, "invalid_type", "an agent id", ids[i]);
    }
  });
  // The plans it was settled under: each compared with today's plan by its canonical JSON, so each must be a valid plan.
  const versions = new Set<unknown>();
  each(issues, `${at}/plans`, s["plans"] as unknown[], (plan, planAt) => {
    const checked = validatePlan(plan);
    if (!checked.ok) for (const i of checked.issues) issues.add(`${planAt}${i.path}`, i.code, i.message);
    else versions.add(checked.plan.version);
  });
  // Each settled period's segments name a plan the settlement holds (a restatement evaluates that plan again).
  if (issues.list.length === before) planVersions(issues, `${at}/periods`, s["periods"] as SettledPeriod[], versions);
  return issues.list.length === before;
}

/** Every segment of every settled period names a plan version in `versions` (`plan_mismatch` otherwise). */
function planVersions(
  issues: Issues,
  at: string,
  periods: readonly SettledPeriod[],
  versions: ReadonlySet<unknown>,
): void {
  for (let i = 0; i < periods.length; i++) {
    const segments = periods[i]!.segments;
    for (let j = 0; j < segments.length; j++) {
      const version = segments[j]!.planVersion;
      if (versions.has(version)) continue;
      issues.add(
        `${at}/${i}/segments/${j}/planVersion`,
        "plan_mismatch",
        `expected the version of one of the settlement's plans but received ${version}`,
      );
    }
  }
}

/**
 * One agent's carry: the draw, held and owed amounts, prior periods (those in
 * `restated` in full) and the to-date sums.
 */
function carry(
  issues: Issues,
  at: string,
  c: Record<string, unknown>,
  agent: { readonly restated: Restated; readonly index: number },
): void {
  if (!fields(issues, at, c, CARRY)) return;
  const draw = c["draw"];
  if (draw !== null) fields(issues, `${at}/draw`, draw as Record<string, unknown>, DRAW);
  each(issues, `${at}/held`, c["held"] as unknown[], (held, heldAt) => {
    fields(issues, heldAt, held, HELD);
  });
  each(issues, `${at}/owed`, c["owed"] as unknown[], (owed, owedAt) => {
    fields(issues, owedAt, owed, OWED);
  });
  priorPeriods(issues, `${at}/periods`, c["periods"] as unknown[], agent);
  fields(issues, `${at}/toDate`, c["toDate"] as Record<string, unknown>, TO_DATE);
}

/**
 * An agent's prior periods: each an object with a period label; the ones in
 * `restated` (read by this settlement's true-ups) once each, with their metrics and lines.
 */
function priorPeriods(
  issues: Issues,
  at: string,
  list: readonly unknown[],
  agent: { readonly restated: Restated; readonly index: number },
): void {
  const { restated } = agent.restated;
  let found: string[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const prior = list[i];
    const label = isObject(prior) ? prior["period"] : undefined;
    if (typeof label !== "string") {
      if (!isObject(prior)) issues.expected(`${at}/${i}`, "invalid_type", "an object", prior);
      else issues.expected(`${at}/${i}/period`, "invalid_type", "a period label", label);
      continue;
    }
    if (!restated.has(label)) continue;
    const priorAt = `${at}/${i}`;
    if (found?.includes(label)) issues.add(`${priorAt}/period`, "duplicate_period", `period "${label}" appears twice`);
    (found ??= []).push(label);
    // The first (a second is a duplicate_period issue): where the true-ups find this period.
    const where = agent.restated.found.get(label)!;
    if (where[agent.index] === -1) where[agent.index] = i;
    if (!fields(issues, priorAt, prior as Record<string, unknown>, PRIOR_PERIOD)) continue;
    numbers(issues, `${priorAt}/metrics`, (prior as Record<string, unknown>)["metrics"] as Record<string, unknown>);
    each(issues, `${priorAt}/lines`, (prior as Record<string, unknown>)["lines"] as unknown[], (line, lineAt) => {
      if (!priorLineHolds(line)) fields(issues, lineAt, line, PRIOR_LINE);
    });
  }
}

/**
 * The {@link PRIOR_LINE} rules written out, for the bulk of the carry (every
 * agent's lines of each restated period): named reads the engine keeps
 * monomorphic, where the table's reads by a variable key are not. A line that
 * fails is checked again by the table, which names the problem; the test
 * "quick checks agree with the tables" keeps the two in step.
 */
export function priorLineHolds(line: Record<string, unknown>): boolean {
  const { id, kind, segment, amountMinor, recognizedMinor } = line;
  return (
    typeof id === "string" &&
    id !== "" &&
    typeof kind === "string" &&
    kind !== "" &&
    Number.isSafeInteger(segment) &&
    (segment as number) >= 0 &&
    Number.isSafeInteger(amountMinor) &&
    (recognizedMinor === undefined || Number.isSafeInteger(recognizedMinor))
  );
}

/** Internal, for the test that keeps {@link priorLineHolds} in step with the table: whether `line` meets {@link PRIOR_LINE}. */
export function priorLineMeetsTable(line: Record<string, unknown>): boolean {
  return fields(new Issues(), "", line, PRIOR_LINE);
}

/** Calls `check` with each element of `list` that is an object; any other element is an issue. */
function each(
  issues: Issues,
  at: string,
  list: readonly unknown[],
  check: (item: Record<string, unknown>, itemAt: string, index: number) => void,
): void {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isObject(item)) check(item, `${at}/${i}`, i);
    else issues.expected(`${at}/${i}`, "invalid_type", "an object", item);
  }
}

/** The `period` of a record seen once in its list (`duplicate_period` the second time). */
function unique(issues: Issues, at: string, o: Record<string, unknown>, seen: Set<string>): void {
  const period = o["period"] as string;
  if (seen.has(period)) issues.add(`${at}/period`, "duplicate_period", `period "${period}" appears twice`);
  seen.add(period);
}

/** Every value of a metrics object is a finite number. */
function numbers(issues: Issues, at: string, o: Record<string, unknown>): void {
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (typeof v !== "number" || !Number.isFinite(v))
      issues.expected(pointer(at, key), "invalid_type", "a finite number", v);
  }
}

/**
 * Checks each field of `shape`; true when all of them hold what the shape
 * says. The fields are read as plain properties: their names are the
 * settlement's own (none is a name `Object.prototype` has), and this runs for
 * every agent of every settlement, where an own-property check per field
 * doubled the cost.
 */
function fields(issues: Issues, at: string, o: Record<string, unknown>, shape: readonly Rule[]): boolean {
  let ok = true;
  for (let k = 0; k < shape.length; k++) {
    const rule = shape[k] as Rule;
    const v = o[rule.key];
    if (v === undefined) {
      if (rule.optional) continue;
      issues.expected(pointer(at, rule.key), "missing_key", EXPECTED[rule.kind], v);
      ok = false;
    } else if (!holds(rule.kind, v)) {
      const negative = rule.kind === "count" && Number.isSafeInteger(v);
      issues.expected(pointer(at, rule.key), negative ? "out_of_range" : "invalid_type", EXPECTED[rule.kind], v);
      ok = false;
    }
  }
  return ok;
}

/** Whether `v` holds a value of `kind`. */
function holds(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case "text":
      return typeof v === "string" && v.length > 0;
    case "integer":
      return Number.isSafeInteger(v);
    case "count":
      return Number.isSafeInteger(v) && (v as number) >= 0;
    case "flag":
      return typeof v === "boolean";
    case "list":
      return Array.isArray(v);
    case "record":
      return isObject(v);
    case "recordOrNull":
      return v === null || isObject(v);
  }
}
