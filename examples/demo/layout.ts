/** Small text-layout helpers shared by the demo sections. */
import { readFileSync } from "node:fs";

/** Reads a JSON file relative to this folder (examples/demo/). */
export function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as T;
}

/** A fixed-decimal number with an optional unit; `–` for `null`. */
export function fmt(value: number | null, digits: number, unit = ""): string {
  return value === null ? "–" : `${value.toFixed(digits)}${unit}`;
}

/** An integer with thousands separators (en-US, fixed so output does not depend on the machine's locale). */
export function fmtInt(value: number): string {
  return value.toLocaleString("en-US");
}

/** An amount of money in the sample's currency, two decimals. */
export function fmtMoney(value: number | null): string {
  return value === null
    ? "–"
    : `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Milliseconds as m:ss. */
export function fmtDuration(ms: number | null): string {
  if (ms === null) return "–";
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** An aligned table, indented by two spaces; `align` has one letter per column, `l` or `r`. */
export function table(header: string[], rows: string[][], align: string): string[] {
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].map((l) => `  ${l}`);
}
