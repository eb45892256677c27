/**
 * One canonical JSON spelling of a plan, an input or a settlement, and the
 * SHA-256 digests of those bytes (Web Crypto), so that a statement can be
 * proved to come from a given plan and data.
 *
 * @module
 */
import { inputError, memberPath } from "../../internal/messages.js";
import type { Plan } from "../schema.js";
import type { PlanSchedule, Settlement, SettlementInput } from "./types.js";

/**
 * The canonical JSON text of a JSON value: object keys sorted by UTF-16 code
 * units, no whitespace, numbers and strings spelled as `JSON.stringify` spells
 * them (the shortest round-trip number, `-0` as `0`).
 *
 * This is the JSON Canonicalization Scheme of RFC 8785 for the values JSON can
 * hold: the same data always gives the same text, whatever the key order it
 * was built in. Objects must be plain (`{}` or `Object.create(null)`); keys
 * whose value is `undefined` are rejected rather than dropped, so no field is
 * lost without a word.
 *
 * @param value - A JSON value: a plan, a settlement input, a settlement.
 * @returns The canonical text.
 * @throws {MetricInputError} `invalid_type` for a value JSON cannot hold (`undefined`, a function, a bigint, a
 *   `Date`); `not_finite` for `NaN` or `±Infinity`; `invalid_value` for a cycle. The path names the value (`value.agents[2].id`).
 *
 * @example
 * ```ts
 * import { canonicalJson } from "support-metrics";
 * canonicalJson({ b: [1, 2.50, -0], a: "é" }); // => '{"a":"é","b":[1,2.5,0]}'
 * canonicalJson({ a: 1, b: 2 }) === canonicalJson({ b: 2, a: 1 }); // => true
 * canonicalJson({ a: Number.NaN }); // throws not_finite
 * ```
 * @see {@link auditDigests}
 * @category Incentives
 */
export function canonicalJson(value: unknown): string {
  return canonical(FN, "value", value);
}

/** How one canonical text is written: the public function its errors name, and what becomes of `undefined` members. */
interface Writer {
  readonly fn: string;
  /** Leave out object members whose value is `undefined` (as `JSON.stringify` does) instead of refusing them. */
  readonly dropUndefined: boolean;
  readonly out: string[];
  readonly ancestors: Set<object>;
}

/** The canonical text of `value`, whose errors name `fn` and start their path at `root`. */
function canonical(fn: string, root: string, value: unknown): string {
  const w: Writer = { fn, dropUndefined: false, out: [], ancestors: new Set() };
  write(w, value, root);
  return w.out.join("");
}

/**
 * Internal: the canonical text of a plan that `validatePlan` accepted, for the
 * ledger's "same plan id and version, same plan?" comparison. Such a plan may
 * hold optional members set to `undefined` (from JS, never JSON), which
 * `validatePlan` and `evaluatePlan` read as absent; here they are left out as
 * `JSON.stringify` leaves them out, so the plan compares equal to its JSON copy.
 */
export function planSpelling(plan: Plan): string {
  const w: Writer = { fn: "settlePayouts", dropUndefined: true, out: [], ancestors: new Set() };
  write(w, plan, "plan");
  return w.out.join("");
}

function write(w: Writer, value: unknown, path: string): void {
  const { fn, out } = w;
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    out.push(JSON.stringify(value));
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw inputError("not_finite", fn, path, "a finite number", value);
    out.push(value === 0 ? "0" : JSON.stringify(value));
    return;
  }
  if (typeof value !== "object") throw inputError("invalid_type", fn, path, "a JSON value", value);
  if (w.ancestors.has(value)) throw inputError("invalid_value", fn, path, "a value without cycles", value);
  w.ancestors.add(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      write(w, value[i], `${path}[${i}]`);
    }
    out.push("]");
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw inputError("invalid_type", fn, path, "a plain object", value);
    }
    // Sorted by UTF-16 code units (RFC 8785 §3.2.3): the default sort order of strings.
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => !(w.dropUndefined && record[key] === undefined))
      .sort();
    out.push("{");
    keys.forEach((key, i) => {
      if (i > 0) out.push(",");
      out.push(JSON.stringify(key), ":");
      write(w, record[key], memberPath(path, key));
    });
    out.push("}");
  }
  w.ancestors.delete(value);
}

const FN = "canonicalJson";

/**
 * The SHA-256 digests of a settlement's plan, input and result, in lowercase hex.
 *
 * @category Incentives
 */
export interface AuditDigests {
  /** Always `"SHA-256"`. */
  readonly algorithm: "SHA-256";
  /** The digest of the plan's (or plan schedule's) canonical JSON. */
  readonly plan: string;
  /** The digest of the input's canonical JSON. */
  readonly input: string;
  /** The digest of the settlement's canonical JSON. */
  readonly settlement: string;
}

interface WebCrypto {
  readonly subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
}
interface Encoder {
  encode(text: string): Uint8Array;
}

/**
 * Digests of the canonical JSON (see {@link canonicalJson}) of a plan, a
 * settlement input and the settlement made from them, with SHA-256 (FIPS 180-4)
 * as Web Crypto's `crypto.subtle.digest` computes it: store them beside the
 * settlement, and anyone holding the plan and data can prove the statement came
 * from them (same bytes, same digests).
 *
 * Async because Web Crypto is; every supported runtime (Node ≥ 20, Deno, Bun,
 * browsers) has `globalThis.crypto.subtle`. The text is encoded as UTF-8.
 *
 * @param plan - The plan or plan schedule given to `settlePayouts`.
 * @param input - The settlement input.
 * @param settlement - The settlement.
 * @returns A promise of `{ algorithm: "SHA-256", plan, input, settlement }`, each 64 hex digits.
 * @throws {MetricInputError} (a rejected promise) as {@link canonicalJson}, with the path starting at the argument
 *   that holds the value (`plan`, `input` or `settlement`: `input.agents[0].metrics.tickets`); `invalid_value` when the runtime has no Web Crypto.
 *
 * @example
 * ```ts
 * import { auditDigests, settlePayouts } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "per-ticket", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-12-31" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 }, metrics: { tickets: { type: "count" } },
 *   components: [{ id: "per_ticket", type: "perUnit", basis: "tickets", ratePerUnitMinor: 50 }],
 * };
 * const input = { period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 10 } }] };
 * const digests = await auditDigests(plan, input, settlePayouts(plan, input));
 * digests.algorithm; // => "SHA-256"
 * digests.plan.length; // => 64
 * const again = await auditDigests(plan, { agents: input.agents, period: "2025-06" }, settlePayouts(plan, input));
 * again.input === digests.input; // => true
 * again.settlement === digests.settlement; // => true
 * ```
 * @see {@link canonicalJson}
 * @see {@link settlePayouts}
 * @category Incentives
 */
export async function auditDigests(
  plan: Plan | PlanSchedule,
  input: SettlementInput,
  settlement: Settlement,
): Promise<AuditDigests> {
  const fn = "auditDigests";
  const texts = [canonical(fn, "plan", plan), canonical(fn, "input", input), canonical(fn, "settlement", settlement)];
  const g = globalThis as { crypto?: WebCrypto; TextEncoder?: new () => Encoder };
  const subtle = g.crypto?.subtle;
  if (subtle === undefined || g.TextEncoder === undefined) {
    throw inputError("invalid_value", fn, "globalThis.crypto", "a runtime with Web Crypto", undefined);
  }
  const encoder = new g.TextEncoder();
  const [p, i, s] = await Promise.all(texts.map((t) => subtle.digest("SHA-256", encoder.encode(t))));
  return { algorithm: "SHA-256", plan: hex(p!), input: hex(i!), settlement: hex(s!) };
}

function hex(buffer: ArrayBuffer): string {
  let text = "";
  for (const byte of new Uint8Array(buffer)) text += byte.toString(16).padStart(2, "0");
  return text;
}
