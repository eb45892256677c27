import { type MetricErrorCode, MetricInputError } from "../errors.js";

/** Describes a received value for an error message, e.g. `11`, `"7"` (a string), `NaN`, `undefined`. */
export function describe(value: unknown): string {
  if (typeof value === "string") {
    return value.length > 40
      ? `${JSON.stringify(value.slice(0, 37))}… (a string)`
      : `${JSON.stringify(value)} (a string)`;
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n (a bigint)`;
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : `Date ${value.toISOString()}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  return "an object";
}

/**
 * The path of member `key` of the value at `path`: `options.asOf` for a key
 * that reads as an identifier, `options["as of"]` (a JSON string) for any
 * other, so that a key with a space, a dot or a bracket, or an empty key,
 * still gives a path that says where to look.
 */
export function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Builds the {@link MetricInputError} for `fn`, with the house message `fn: expected X but received Y at path`. */
export function inputError(
  code: MetricErrorCode,
  fn: string,
  path: string,
  expected: string,
  received: unknown,
): MetricInputError {
  const at = path === "" ? "" : ` at ${path}`;
  return new MetricInputError(
    code,
    fn,
    path,
    received,
    `${fn}: expected ${expected} but received ${describe(received)}${at}`,
  );
}
