// Imports the built package the way users do, by its name through the
// `exports` map, once as ESM and once as CJS, and computes a metric with each.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const esm = await import("support-metrics");
const cjs = createRequire(import.meta.url)("support-metrics");
for (const [kind, lib] of [
  ["esm", esm],
  ["cjs", cjs],
]) {
  assert.equal(typeof lib.mergeCounts, "function", `${kind}: mergeCounts is exported`);
  assert.equal(lib.parseInstant("1970-01-01T00:00:01Z"), 1000, `${kind}: parseInstant`);
  assert.equal(lib.nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]), -10, `${kind}: nps`);
  assert.throws(
    () => lib.parseInstant("2024-01-01T00:00"),
    (e) => e.code === "invalid_instant" && e instanceof lib.MetricInputError,
  );
  console.log(`${kind}: ${Object.keys(lib).length} exports, ok`);
}
assert.deepEqual(
  Object.keys(esm).sort(),
  Object.keys(cjs)
    .filter((k) => k !== "default")
    .sort(),
  "ESM and CJS export the same names",
);
