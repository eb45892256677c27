import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("examples/workers.ts", () => {
  it("tallies four shards in worker threads and merges them into the single-pass tally", () => {
    const out = execFileSync("node", ["--import", "tsx", "examples/workers.ts"], { encoding: "utf8" });
    expect(out).toContain("4 workers, 3786 responses and 965 contacts tallied.");
    expect(out).toContain("Merged survey tally equals the single-pass tally: true");
    expect(out).toMatch(/week\s+965\s+71\.9\s+7\.1\s+348/);
  }, 60_000);
});
