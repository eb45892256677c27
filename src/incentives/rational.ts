/**
 * Exact rational arithmetic for the incentive evaluator: a BigInt numerator
 * over a positive BigInt denominator, always reduced by their gcd, so equal
 * values have one spelling and `"30800/3"` in a trace is the value itself.
 * Internal: not part of the package's exports. Functions trust their input.
 */

/** An exact rational `n / d` with `d > 0` and `gcd(|n|, d) = 1`. */
export interface Rational {
  /** The numerator (carries the sign). */
  readonly n: bigint;
  /** The denominator, always positive. */
  readonly d: bigint;
}

/** 0, 1 and 100 as rationals (plain literals, so bundlers can drop them). */
export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };
export const HUNDRED: Rational = { n: 100n, d: 1n };

const SMALL = 9007199254740992n; // 2^53

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (a < SMALL && b < SMALL) {
    // Both fit a double exactly: Euclid on doubles is the same and far cheaper than on BigInt.
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return BigInt(x);
  }
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** `n / d` reduced; `d` must be non-zero. */
export function ratio(n: bigint, d: bigint): Rational {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** An integer as a rational. */
export function integer(n: bigint | number): Rational {
  return { n: BigInt(n), d: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return a.d === 1n ? { n: a.n + b.n, d: 1n } : ratio(a.n + b.n, a.d);
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return a.d === 1n ? { n: a.n - b.n, d: 1n } : ratio(a.n - b.n, a.d);
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  if (a.d === 1n && b.d === 1n) return { n: a.n * b.n, d: 1n };
  return ratio(a.n * b.n, a.d * b.d);
}

/** `a / b`; `b` must be non-zero. */
export function div(a: Rational, b: Rational): Rational {
  return ratio(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The largest integer `≤ a`. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const NUMBER_SPELLING = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** Is `text` a plain decimal string (`"112.5"`, `"-3"`, `"0.25"`; no exponent, no leading zeros, no `+`)? */
export function isDecimalString(text: string): boolean {
  return DECIMAL.test(text);
}

/** Reads a plain decimal string exactly (`"112.5"` → 225/2); `null` when it is not one. */
export function parseDecimal(text: string): Rational | null {
  if (!DECIMAL.test(text)) return null;
  return readSpelling(text);
}

/**
 * Reads a finite JS number through its shortest decimal spelling, the digits
 * `String(x)` prints (`96.5` → 965/10 = 193/2, `1e-7` → 1/10 000 000,
 * `0.1 + 0.2` → 30000000000000004/10^17): the number the caller wrote, not the
 * binary double nearest to it. `-0` reads as 0.
 */
export function fromNumber(x: number): Rational {
  if (Number.isSafeInteger(x)) return { n: BigInt(x), d: 1n };
  // Metric values repeat (a CSAT of 96.5 across a team): remember the last few thousand spellings read.
  spellings ??= new Map();
  let r = spellings.get(x);
  if (r === undefined) {
    r = readSpelling(String(x));
    if (spellings.size >= 4096) spellings.clear();
    spellings.set(x, r);
  }
  return r;
}

let spellings: Map<number, Rational> | undefined;

function readSpelling(text: string): Rational {
  const m = NUMBER_SPELLING.exec(text)!;
  const fraction = m[3] ?? "";
  let n = BigInt(m[2]! + fraction);
  let scale = -fraction.length + (m[4] === undefined ? 0 : Number(m[4]));
  if (m[1] === "-") n = -n;
  if (scale >= 0) return { n: n * 10n ** BigInt(scale), d: 1n };
  scale = -scale;
  return ratio(n, 10n ** BigInt(scale));
}

/** An integer plan value (a safe integer) or decimal string as a rational; `null` for anything else. */
export function readExact(value: unknown): Rational | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? { n: BigInt(value), d: 1n } : null;
  if (typeof value === "string") return parseDecimal(value);
  return null;
}

/** The exact value as `"n"` or `"n/d"` (`"30800/3"`), the spelling the trace uses. */
export function fractionString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/**
 * The value as a decimal when it terminates (`"96.5"`, `"112.5"`), otherwise
 * rounded half away from zero to `digits` places and marked `≈` (`"≈10266.67"`).
 */
export function decimalString(a: Rational, digits = 2): string {
  let d = a.d;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n) {
    d /= 2n;
    places++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    places++;
  }
  if (d === 1n) return plain((a.n * 10n ** BigInt(places)) / a.d, places);
  const scale = 10n ** BigInt(digits);
  const scaled = a.n * scale;
  const absScaled = scaled < 0n ? -scaled : scaled;
  let q = absScaled / a.d;
  if ((absScaled % a.d) * 2n >= a.d) q++;
  return `≈${plain(scaled < 0n ? -q : q, digits)}`;
}

/**
 * `scaled / 10^places` written with exactly `places` decimals (`-12345n, 2` →
 * `"-123.45"`); with `group`, commas between thousands (`"1,200.00"`).
 */
export function plain(scaled: bigint, places: number, group = false): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  let whole = digits.slice(0, digits.length - places);
  if (group) whole = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  const frac = places > 0 ? `.${digits.slice(digits.length - places)}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}
