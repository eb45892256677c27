/**
 * Tiered commission (internal): bands of percent of a target, `graduated`
 * (each band's rate on the units inside it) or `retroactive` (the rate of the
 * band reached on every unit). Band edges are `target × fromPct / 100` (spec §3);
 * bands are half-open `[from, to)`, so exactly 100 % of target is in the band from 100 %.
 */
import {
  add,
  compare,
  decimalString,
  div,
  fractionString,
  HUNDRED,
  mul,
  type Rational,
  readExact,
  sub,
  ZERO,
} from "./rational.js";
import type { BandTrace } from "./result.js";
import type { TieredComponent } from "./schema.js";

/** A band, parsed once. */
export interface CompiledBand {
  /** fromPct / 100. */
  readonly from: Rational;
  /** toPct / 100, `null` when open-ended. */
  readonly to: Rational | null;
  /** Minor units per unit. */
  readonly rate: Rational;
  /** The plan's spellings, for the trace. */
  readonly fromPct: string;
  readonly toPct: string | null;
  readonly rateText: string;
  readonly label: string | undefined;
}

/** A validated tiered component, parsed once. */
export interface CompiledTiered {
  readonly mode: "graduated" | "retroactive";
  readonly target: Rational;
  readonly prorate: boolean;
  readonly bands: readonly CompiledBand[];
}

export function compileTiered(c: TieredComponent): CompiledTiered {
  return {
    mode: c.mode,
    target: readExact(c.target.value)!,
    prorate: c.target.prorate === true,
    bands: c.bands.map((b) => {
      const from = readExact(b.fromPct)!;
      const to = b.toPct === undefined ? null : readExact(b.toPct)!;
      const rate = readExact(b.ratePerUnitMinor)!;
      return {
        from: div(from, HUNDRED),
        to: to === null ? null : div(to, HUNDRED),
        rate,
        fromPct: decimalString(from),
        toPct: to === null ? null : decimalString(to),
        rateText: decimalString(rate),
        label: b.label,
      };
    }),
  };
}

/** What one agent's tiered pay is worked out from. */
export interface TieredStanding {
  /** The agent's units on the component's basis metric. */
  readonly units: Rational;
  /** The target the band edges scale with, prorated when the component prorates. */
  readonly target: Rational;
  /** Receives a trace of each band paid when tracing; `null` otherwise. */
  readonly trace: BandTrace[] | null;
}

/** The exact pay for `units` against `target`; pushes each band paid onto `trace` when given. */
export function tieredPay(t: CompiledTiered, standing: TieredStanding): Rational {
  const { units, target, trace } = standing;
  const bands = t.bands;
  if (t.mode === "retroactive") {
    for (let i = bands.length - 1; i >= 0; i--) {
      const b = bands[i]!;
      const lo = mul(target, b.from);
      if (compare(units, lo) < 0 && i > 0) continue;
      const amount = mul(units, b.rate);
      if (trace) trace.push(bandTrace({ index: i, band: b, target, from: lo, units, amount }));
      return amount;
    }
    return ZERO;
  }
  let total = ZERO;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    const lo = mul(target, b.from);
    if (compare(units, lo) <= 0 && !(i === 0 && trace)) break;
    const hi = b.to === null ? null : mul(target, b.to);
    const top = hi !== null && compare(units, hi) > 0 ? hi : units;
    const inside = compare(top, lo) > 0 ? sub(top, lo) : ZERO;
    const amount = mul(inside, b.rate);
    total = add(total, amount);
    if (trace) trace.push(bandTrace({ index: i, band: b, target, from: lo, units: inside, amount }));
  }
  return total;
}

/** One band's part of an agent's tiered pay, as the trace reports it. */
interface BandShare {
  /** The band's position in the plan's list. */
  readonly index: number;
  readonly band: CompiledBand;
  /** The target the band edges scale with. */
  readonly target: Rational;
  /** The band's lower edge in units: target × fromPct / 100. */
  readonly from: Rational;
  /** The units paid at the band's rate. */
  readonly units: Rational;
  /** units × rate, exact minor units. */
  readonly amount: Rational;
}

function bandTrace(share: BandShare): BandTrace {
  const { band: b, target } = share;
  const out: BandTrace = {
    index: share.index,
    fromPct: b.fromPct,
    toPct: b.toPct,
    fromUnits: fractionString(share.from),
    toUnits: b.to === null ? null : fractionString(mul(target, b.to)),
    units: fractionString(share.units),
    ratePerUnitMinor: b.rateText,
    amount: fractionString(share.amount),
  };
  return b.label === undefined ? out : { ...out, label: b.label };
}
