// The layers of src/, enforced by `npm test` (dependency-cruiser). A rule here is
// the project's design; CONTRIBUTING.md points at this file instead of repeating it.
//
// Floors: internal/ (private helpers), errors.ts, counts.ts, time/, stats/,
// records/ (reading ticket records: the model every ticket metric, report, adapter
// and SQL tally shares) and display/ (text, HTML and SVG renderers that results
// attach to themselves).
// Areas: survey, customers, contacts, tickets, incentives, reports, sql, adapters.
// An area imports the floors and its own files; another area only through that
// area's index.ts. Type-only imports vanish at build time, so they cross layers
// freely (a renderer names the report type it draws) and close no cycle.
const AREAS = "survey|customers|contacts|tickets|incentives|reports|sql|adapters";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes a module's meaning depend on load order; split the shared part out.",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-node-builtins-in-src",
      severity: "error",
      comment: "src/ runs on Node, Deno, Bun and browsers: no node: imports.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-packages-in-src",
      severity: "error",
      comment: "Zero runtime dependencies: src/ imports only its own files.",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-bundled", "npm-no-pkg", "unknown"] },
    },
    {
      name: "internal-never-exported",
      severity: "error",
      comment: "internal/ is private: no entry point or area index re-exports it.",
      from: { path: "^src/(index|adapters/index)\\.ts$" },
      to: { path: "^src/internal/" },
    },
    {
      name: "floors-import-no-area",
      severity: "error",
      comment: "The floors sit below every area.",
      from: { path: "^src/(internal/|time/|stats/|records/|display/|errors\\.ts|counts\\.ts)" },
      to: { path: `^src/(${AREAS})/`, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "areas-meet-through-index",
      severity: "error",
      comment: "An area reaches another area only through that area's index.ts.",
      from: { path: `^src/(${AREAS})/`, pathNot: "^src/reports/" },
      to: { path: `^src/(${AREAS})/(?!index\\.ts$)`, pathNot: "^src/$1/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "reports-meet-through-index",
      severity: "error",
      comment:
        "As areas-meet-through-index, with one exception: the ticket tally reuses the tickets area's " +
        "private per-ticket readers, status-history reader and SLA core (tickets/ticket.ts, " +
        "tickets/status-history.ts, tickets/sla.ts) so its numbers are " +
        "the per-array functions' by construction. Moving that core to a floor is the alternative.",
      from: { path: "^src/reports/" },
      to: {
        path: `^src/(${AREAS})/(?!index\\.ts$)`,
        pathNot: ["^src/reports/", "^src/tickets/(ticket|status-history|sla)\\.ts$"],
        dependencyTypesNot: ["type-only"],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
