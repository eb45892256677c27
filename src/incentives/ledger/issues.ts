/**
 * The issues of one `settlePayouts` call, each with a JSON pointer rooted at
 * the call (`/plan`, `/input`, `/options`), and the small readers the checks
 * share. Internal.
 */
import type { PlanIssue } from "../../errors.js";
import { describe } from "../../internal/messages.js";
import { SettlementValidationError } from "./errors.js";

/** Collects the issues of one call. */
export class Issues {
  readonly list: PlanIssue[] = [];
  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }
  expected(path: string, code: string, what: string, value: unknown): void {
    this.add(path, code, `expected ${what} but received ${describe(value)}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new SettlementValidationError(this.list);
  }
}

/** An own property (never one inherited through the prototype). */
export function get(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A plain object: not `null`, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
