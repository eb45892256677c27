/**
 * The generic walker of `validatePlan`: a plan's schema is data (one
 * {@link Shape} per kind of object, in validate-shapes.ts) and `checkObject`
 * reads any of them: unknown keys, missing keys, then each present field with
 * its check. Checks read own keys only, so a JSON-parsed `"__proto__"` key is
 * seen (and rejected) rather than followed.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import { describe } from "../internal/messages.js";
import type { Rational } from "./rational.js";

/** A declared metric as the rules read it: its `type` and `better` when valid, else `undefined`. */
export interface Declared {
  readonly type: string | undefined;
  readonly better: string | undefined;
}

/** The state of one validation: the issues so far and what the plan declares. */
export interface Cx {
  readonly issues: PlanIssue[];
  /** Declared agent metrics, or `null` for any name (a condition checked on its own). */
  readonly agent: ReadonlySet<string> | null;
  /** Declared team metrics, or `null` for any name. */
  readonly team: ReadonlySet<string> | null;
  /** Only team metrics may be read (a pool's `fundedWhen`). */
  readonly teamOnly: boolean;
  /** Whether the plan has a `proration` block (prorated components need one). */
  readonly prorates: boolean;
  /** Each declared agent metric's type and direction. */
  readonly definitions: ReadonlyMap<string, Declared>;
  /** The ids of components and awards so far (`planCap` is reserved). */
  readonly ids: Set<string>;
  /** The ids of the current scorecard's KPIs. */
  kpiIds: Set<string>;
}

/** Where a value sits: the validation, its JSON pointer, and the object holding it (`{}` for an array element). */
export interface Place {
  readonly cx: Cx;
  readonly path: string;
  readonly parent: Readonly<Record<string, unknown>>;
}

/** Checks a present value; returns it parsed (a rational for exact numbers) or `undefined` after reporting an issue. */
export type Check = (value: unknown, at: Place) => unknown;

/** A field's kind: a check, the strings it may be (else `invalid_value`), or a nested object. */
export type Kind = Check | readonly string[] | Shape;

/**
 * An object of the schema: its allowed keys, each with its kind, and the keys
 * it requires. Fields are checked, and their issues listed, in the order they
 * are written here, and `unknown_key` messages list them in that order; no
 * check depends on another field having been checked first.
 */
export interface Shape {
  readonly fields: Readonly<Record<string, Kind>>;
  readonly required: readonly string[];
}

/** The keys `T` requires. */
type RequiredKey<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * The shape of the plan type `T`: every key of `T` and no other (write
 * `{ … } satisfies ShapeOf<Band>`: a renamed or added field then fails to
 * compile), and only keys that `T` requires in `required`.
 */
export interface ShapeOf<T> extends Shape {
  readonly fields: { readonly [K in keyof T]-?: Kind };
  readonly required: readonly (RequiredKey<T> & string)[];
}

/**
 * The checked fields of one object, by key: present keys only, `undefined` for
 * an invalid value; the fields the rules read are named with what their checks return.
 */
export interface Parsed {
  readonly [key: string]: unknown;
  readonly from?: string;
  readonly to?: string;
  readonly fromPct?: Rational;
  readonly toPct?: Rational;
  readonly weight?: Rational;
}

/** Keys that are never followed: reported as `prototype_key` wherever they appear. */
export const PROTOTYPE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

const NO_PARENT: Readonly<Record<string, unknown>> = {};

/** Adds an issue; returns `undefined` so that a check can `return report(…)`. */
export function report(at: Pick<Place, "cx" | "path">, code: string, message: string): undefined {
  at.cx.issues.push({ path: at.path, code, message });
  return undefined;
}

/** The one message shape of the validator: `expected X but received Y`, Y described from the value. */
export function expected(what: string, value: unknown): string {
  return expectedText(what, describe(value));
}

/** `expected X but received Y`, with Y already written out (an exact number, a name). */
export function expectedText(what: string, got: string): string {
  return `expected ${what} but received ${got}`;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The place of `key` inside the value at `at` (`parent`: that value, when it is an object). */
export function child(at: Place, key: string | number, parent: Readonly<Record<string, unknown>> = NO_PARENT): Place {
  return { cx: at.cx, path: pointer(at.path, key), parent };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** An own property, or `undefined`. */
export function own(o: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/**
 * Reports prototype keys and exotic prototypes anywhere, without following
 * either. `ancestors` holds the objects on the current path only: an object
 * shared by two places of a plan is checked at each place, a cycle is cut.
 */
export function walkPrototypeKeys(at: Place, value: unknown, ancestors: Set<object> = new Set()): void {
  if (value === null || typeof value !== "object" || ancestors.has(value)) return;
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkPrototypeKeys(child(at, i), value[i], ancestors);
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      report(at, "not_plain_object", "expected a plain object (JSON), not one with another prototype");
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.includes(key)) report(child(at, key), "prototype_key", `"${key}" is not allowed as a key`);
      else walkPrototypeKeys(child(at, key), (value as Record<string, unknown>)[key], ancestors);
    }
  }
  ancestors.delete(value);
}

/** Checks an object against its shape: unknown keys, missing keys, then each present field in the shape's order. */
export function checkObject(value: unknown, at: Place, shape: Shape): Parsed | null {
  if (!isPlainObject(value)) return report(at, "invalid_type", expected("an object", value)) ?? null;
  const allowed = Object.keys(shape.fields);
  checkKeys(value, at, { allowed, required: shape.required });
  const out: Record<string, unknown> = {};
  for (const key of allowed) {
    // A present but `undefined` value (from JS, never JSON) counts as present, unchecked.
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    out[key] = v === undefined ? v : checkField(v, child(at, key, value), shape.fields[key]!);
  }
  return out;
}

/** Reports the keys of `o` that are not allowed (prototype keys are reported elsewhere) and the required keys it lacks. */
export function checkKeys(
  o: Readonly<Record<string, unknown>>,
  at: Place,
  keys: { readonly allowed: readonly string[]; readonly required: readonly string[] },
): void {
  const { allowed, required } = keys;
  for (const key of Object.keys(o)) {
    if (PROTOTYPE_KEYS.includes(key) || allowed.includes(key)) continue;
    report(child(at, key), "unknown_key", `unknown key "${key}" (allowed: ${allowed.join(", ")})`);
  }
  for (const key of required) {
    // A required key holding `undefined` (from JS, never JSON) is as missing as an absent one.
    if (!Object.hasOwn(o, key) || o[key] === undefined) report(child(at, key), "missing_key", `"${key}" is required`);
  }
}

/** Checks one value of a kind. */
export function checkField(value: unknown, at: Place, kind: Kind): unknown {
  if (typeof kind === "function") return kind(value, at);
  if (isShape(kind)) return checkObject(value, at, kind);
  return memberOf(kind, "invalid_value")(value, at);
}

function isShape(kind: Shape | readonly string[]): kind is Shape {
  return !Array.isArray(kind);
}

/** What an array holds, for messages (`"bands"`), and whether it may be empty. */
export interface ListOf {
  readonly of: string;
  readonly nonEmpty: boolean;
}

/** An array (non-empty when asked); reports anything else. */
export function checkList(value: unknown, at: Place, list: ListOf): value is unknown[] {
  if (Array.isArray(value) && (!list.nonEmpty || value.length > 0)) return true;
  const what = `${list.nonEmpty ? "a non-empty" : "an"} array of ${list.of}`;
  return report(at, "invalid_type", expected(what, value)) ?? false;
}

/** A check of an array whose every element is of `kind` (possibly empty). */
export function listOf(of: string, kind: Kind): Check {
  return (value, at) => {
    if (!checkList(value, at, { of, nonEmpty: false })) return;
    for (let i = 0; i < value.length; i++) checkField(value[i], child(at, i), kind);
  };
}

/** A check of a string among `allowed` (else `code`, `invalid_value` by default). */
export function memberOf(allowed: readonly string[], code: string): Check {
  return (value, at) =>
    allowed.includes(value as string) ? value : report(at, code, expected(`one of ${allowed.join(", ")}`, value));
}
