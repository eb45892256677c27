// Node: `node examples/node.mjs` after `npm run build` (or, in your project,
// after `npm install support-metrics`). Imports the package by its name.
import { mergeCounts, parseInstant } from "support-metrics";

// Two shards tallied their survey responses separately; merge, then finalize.
const eu = { promoters: 30, passives: 12, detractors: 8 };
const us = { promoters: 25, passives: 15, detractors: 10 };
const all = mergeCounts(eu, us);
console.log(`merged tally: ${JSON.stringify(all)}`);

// Instants must carry a zone: this one is accepted, "2024-03-20T09:00" would throw.
const createdAt = parseInstant("2024-03-20T09:00:00Z");
const firstResponseAt = parseInstant("2024-03-20T10:42:00+01:00");
console.log(`first response after ${(firstResponseAt - createdAt) / 60_000} min`);
