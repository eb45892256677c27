// Steps scripts/test.mjs appends to `npm test`: the docs site's structure,
// package hygiene and size, the Deno suite and JSR dry run, the vitest suite
// under Bun, the ESM build and the demo's report page in headless Chromium, and the runnable examples. Each step bounds its own run
// time and prints `checks: N passed, N failed`.
export const steps = [
  {
    name: "docs: every guide and export in the site, by category, searchable",
    cmd: "node",
    args: ["scripts/docs-check.mjs"],
  },
  {
    name: "package: publint, attw, zero dependencies, sideEffects, npm pack, size budget",
    cmd: "node",
    args: ["scripts/package-check.mjs"],
  },
  { name: "deno: every export on src and dist", cmd: "node", args: ["scripts/runtimes.mjs", "deno-test"] },
  { name: "deno: publish --dry-run (JSR, slow types)", cmd: "node", args: ["scripts/runtimes.mjs", "deno-publish"] },
  { name: "bun: the vitest suite under bun test", cmd: "node", args: ["scripts/runtimes.mjs", "bun-test"] },
  { name: "browser: the ESM build in headless Chromium", cmd: "node", args: ["scripts/browser-test.mjs"] },
  {
    name: "report page: npm run demo -- --html in headless Chromium",
    cmd: "node",
    args: ["scripts/report-page-test.mjs"],
  },
  {
    name: "notebook: examples/notebook.ipynb run by Jupyter with the Deno kernel",
    cmd: "node",
    args: ["scripts/notebook-test.mjs"],
  },
  { name: "examples: Node, Deno, Bun", cmd: "node", args: ["scripts/runtimes.mjs", "examples"] },
];
