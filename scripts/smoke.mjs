// Imports the built package the way users do, by its name through the
// `exports` map, once as ESM and once as CJS, and computes a metric with each.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const esm = await import("support-metrics");
const cjs = createRequire(import.meta.url)("support-metrics");
const esmAdapters = await import("support-metrics/adapters");
const cjsAdapters = createRequire(import.meta.url)("support-metrics/adapters");
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

// The adapters subpath, by its name through the `exports` map, as ESM and CJS.
for (const [kind, adapters] of [
  ["esm adapters", esmAdapters],
  ["cjs adapters", cjsAdapters],
]) {
  const { tickets, setAside } = adapters.fromFreshdesk({
    tickets: [
      { id: 1, status: 4, created_at: "2024-05-01T09:00:00Z", stats: { resolved_at: "2024-05-01T10:00:00Z" } },
      { id: 2, status: 4, created_at: "2024-05-01T09:00:00Z" },
    ],
  });
  assert.equal(tickets[0].resolvedAt - tickets[0].createdAt, 3_600_000, `${kind}: fromFreshdesk`);
  assert.equal(setAside[0].code, "missing_value", `${kind}: set aside`);
  assert.throws(
    () => adapters.fromServiceNowEvents([], { timeZone: "Mars/Olympus_Mons" }),
    (e) => e.code === "invalid_option" && e.path === "options.timeZone",
  );
  console.log(`${kind}: ${Object.keys(adapters).length} exports, ok`);
}
// ESM entries share one MetricInputError class (a shared chunk), so `instanceof` holds across them.
assert.throws(
  () => esmAdapters.fromIntercom(null),
  (e) => e instanceof esm.MetricInputError,
);
assert.deepEqual(
  Object.keys(esmAdapters).sort(),
  Object.keys(cjsAdapters)
    .filter((k) => k !== "default")
    .sort(),
  "ESM and CJS adapters export the same names",
);
