import { build } from "esbuild";
import { writeFileSync } from "node:fs";
const r = await build({ stdin: { contents: 'export { nps } from "./dist/index.js";', resolveDir: process.cwd() }, bundle: true, format: "esm", write: false, platform: "neutral", logLevel: "silent" });
writeFileSync("/tmp/nps-bundle.js", r.outputFiles[0].text);
