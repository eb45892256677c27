/**
 * The plan keys `settlePayouts` reads, as `validatePlan` checks them: a
 * component's `holdback`, the plan's `clawback` and `draw`. Each shape is tied
 * to its type with `satisfies ShapeOf<…>`, as the schema's other tables are.
 * Internal.
 */
import { compare, HUNDRED, type Rational } from "../rational.js";
import type { Clawback, Draw, Holdback } from "../schema.js";
import { amount, nonNegativeExact, top } from "../validate-values.js";
import { type Check, checkObject, expected, type Place, report, type ShapeOf } from "../validate-walker.js";

/** True or false. */
function boolean(v: unknown, at: Place): unknown {
  return typeof v === "boolean" ? v : report(at, "invalid_type", expected("true or false", v));
}

/** A percentage 0–100 (an exact number). */
function holdbackPct(v: unknown, at: Place): unknown {
  const r = nonNegativeExact(v, at) as Rational | undefined;
  return r && compare(r, HUNDRED) > 0 ? report(at, "out_of_range", expected("a percentage 0–100", v)) : r;
}

export const CLAWBACK: ShapeOf<Clawback> = {
  fields: { policy: ["recover", "carryForward", "forgive"], windowPeriods: top },
  required: ["policy"],
} satisfies ShapeOf<Clawback>;

export const DRAW: ShapeOf<Draw> = {
  fields: { amountMinor: amount, recoverable: boolean, periods: top },
  required: ["amountMinor", "recoverable", "periods"],
} satisfies ShapeOf<Draw>;

const HOLDBACK = {
  fields: { pct: holdbackPct, amountMinor: amount, releaseAfterPeriods: top },
  required: ["releaseAfterPeriods"],
} satisfies ShapeOf<Holdback>;

/** A component's holdback: `pct` or `amountMinor`, exactly one. */
export const holdback: Check = (v, at) => {
  const h = checkObject(v, at, HOLDBACK);
  if (h && "pct" in h === "amountMinor" in h) {
    report(at, "invalid_value", "expected a holdback with pct or amountMinor, not both");
  }
};
