/** Shared helpers of the incentive tests. */

/** Freezes an object graph (plans and inputs must survive evaluation untouched). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A small valid plan (metrics `tickets` count and `qa` percent, no components) with fields overridden. */
export function minimalPlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: "cs-incentive-plan/1",
    id: "test-plan",
    version: 1,
    effective: { from: "2025-06-01", to: "2025-06-30" },
    period: { days: 30 },
    currency: { code: "USD", exponent: 2 },
    metrics: { tickets: { type: "count" }, qa: { type: "percent" } },
    components: [],
    ...overrides,
  };
}

/** A plan or input edited freely in a test (corrupting it is the point). */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into plans by any path to corrupt them
export type Loose = any;
