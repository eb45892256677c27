import { defineConfig } from "tsup";

export default defineConfig({
  // One file per public entry: dist/index.* (support-metrics) and dist/adapters.* (support-metrics/adapters).
  entry: { index: "src/index.ts", adapters: "src/adapters/index.ts" },
  format: ["esm", "cjs"],
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
