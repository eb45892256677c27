/**
 * A messy real-world export, read honestly:
 *
 *   npx tsx examples/kaggle.ts [path/to/customer_support_tickets.csv]
 *
 * Without an argument it reads `examples/data/customer-support-tickets-first-60.csv`,
 * the first 60 tickets of the Kaggle "Customer Support Ticket Dataset" (suraj520).
 * Its quirks, counted below rather than hidden:
 * - `FirstResponseTime` and `TimetoResolution` are not durations but zone-less
 *   `DD-MM-YYYY HH:mm` timestamps: they are read with `localInstant` in the zone
 *   the help desk ran in (assumed here: America/New_York; the data set does not say);
 * - there is no creation time, so first-response and resolution *times* cannot be
 *   measured at all; only the time from first response to resolution can;
 * - in many closed tickets the "resolution" comes before the "first response";
 * - ratings exist only on closed tickets: the others are unanswered surveys,
 *   left out before calling `csat()` (which takes answers only) and counted.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { channelMix, csat, localInstant } from "support-metrics";

const TIME_ZONE = "America/New_York";
const FORMAT = "DD-MM-YYYY HH:mm";
const path = process.argv[2] ?? new URL("./data/customer-support-tickets-first-60.csv", import.meta.url);
const rows: Record<string, string>[] = parse(readFileSync(path, "utf8"), { columns: true });

const read = (text: string | undefined): number | null =>
  text === undefined || text === "" ? null : localInstant(text, TIME_ZONE, { format: FORMAT });

const quirks = { noCreationTime: 0, noFirstResponse: 0, inverted: 0, unansweredSurveys: 0 };
const spansMs: number[] = [];
const ratings: number[] = [];
const channels: string[] = [];
for (const row of rows) {
  quirks.noCreationTime++; // the export has no creation time at all
  const firstResponse = read(row["FirstResponseTime"]);
  const resolution = read(row["TimetoResolution"]);
  if (firstResponse === null) quirks.noFirstResponse++;
  else channels.push(row["TicketChannel"] ?? "");
  if (firstResponse !== null && resolution !== null) {
    if (resolution < firstResponse) quirks.inverted++;
    else spansMs.push(resolution - firstResponse);
  }
  const rating = row["CustomerSatisfactionRating"];
  if (rating === undefined || rating === "") quirks.unansweredSurveys++;
  else ratings.push(Number(rating));
}

console.log(`${rows.length} tickets read; times as ${FORMAT} in ${TIME_ZONE}`);
console.log(
  `no creation time: ${quirks.noCreationTime} of ${rows.length} (response and resolution times cannot be measured)`,
);
console.log(`no first response yet: ${quirks.noFirstResponse}`);
console.log(`inverted timestamps (resolution before first response): ${quirks.inverted}`);
console.log(`unanswered surveys: ${quirks.unansweredSurveys}; answered: ${ratings.length}`);
const hours = spansMs.map((ms) => ms / 3_600_000).sort((a, b) => a - b);
const median = hours.length === 0 ? null : (hours[Math.floor((hours.length - 1) / 2)] as number);
console.log(
  `first response → resolution, where the order is plausible: ${spansMs.length} tickets, median ${median?.toFixed(1) ?? "—"} h`,
);
const score = csat(ratings);
console.log(`CSAT (4–5 of 1–5) over answered surveys: ${score === null ? "—" : `${score.toFixed(1)} %`}`);
console.log(
  `channels of the tickets with a first response: ${channelMix(channels)
    .map((c) => `${c.channel} ${c.percent.toFixed(0)} %`)
    .join(", ")}`,
);
