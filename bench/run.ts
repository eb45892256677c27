/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command
 * line: `npm run bench -- nps`) against the built `dist`, prints each section and
 * writes `bench/RESULTS.md` with the machine and the date.
 *
 * `npm run bench` bundles the bench files into `bench/.build/` and runs them
 * under plain Node, importing the library as `support-metrics` (the package's
 * own `dist`): what users run. Under tsx's module hooks the same `dist` code ran
 * measurably slower in some rows (`mergeSketches` 1.03–1.16× DDSketch under tsx
 * against 0.87–0.92× under plain Node, the same script). `npx tsx bench/run.ts`
 * still works for a quick look.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { arch, cpus, platform, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BenchSection, formatSection, runSection } from "./lib.ts";

const here = dirname(fileURLToPath(import.meta.url));
// Built (bench/.build/*.bench.mjs, run by plain Node) or from source (bench/*.bench.ts, run by tsx).
const benchDir = here.endsWith(".build") ? dirname(here) : here;
const BENCH_FILE = /\.bench\.m?[jt]s$/;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => BENCH_FILE.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const out: string[] = [
  "# Benchmark results",
  "",
  `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${arch()}; Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
  "Run with `npm run bench` (builds first). Medians from tinybench; ratios are to the row named in each table's last column header.",
  "",
];
if (files.length === 0) console.warn(`no bench/*.bench.ts matched ${only.join(" ") || "(all)"}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    sections: BenchSection[] | (() => Promise<BenchSection[]>);
  };
  const sections = typeof mod.sections === "function" ? await mod.sections() : mod.sections;
  out.push(`## ${file.replace(BENCH_FILE, "")}`, "");
  for (const section of sections) {
    const results = await runSection(section);
    const table = formatSection(section, results);
    const tooFast = results.filter((r) => r.medianMs < 0.001).map((r) => r.name);
    if (tooFast.length > 0) {
      // tinybench times each call: below ~1 µs the timer's resolution dominates and ratios are coarse.
      console.warn(`warning: ${section.title}: ${tooFast.join(", ")} under 1 µs per op; give each op more items`);
    }
    console.log(table);
    out.push(table);
  }
}
if (only.length === 0) writeFileSync(join(benchDir, "RESULTS.md"), out.join("\n"));
