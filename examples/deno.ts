// Deno: `deno run examples/deno.ts`. In your project import from JSR
// (`jsr:@support-metrics/support-metrics`) or npm (`npm:support-metrics`);
// this example imports the TypeScript source, as JSR serves it. No permissions needed.
import { mergeCounts, parseInstant } from "../src/index.ts";

const eu = { promoters: 30, passives: 12, detractors: 8 };
const us = { promoters: 25, passives: 15, detractors: 10 };
console.log(`merged tally: ${JSON.stringify(mergeCounts(eu, us))}`);

const createdAt = parseInstant("2024-03-20T09:00:00Z");
const firstResponseAt = parseInstant("2024-03-20T10:42:00+01:00");
console.log(`first response after ${(firstResponseAt - createdAt) / 60_000} min`);
