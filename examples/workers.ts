/**
 * Tallies in parallel: four worker threads each tally a quarter of a month's
 * survey responses and contacts, the main thread merges the four tallies and
 * reports once.
 *
 *   npx tsx examples/workers.ts
 *
 * A tally is plain JSON (counts per group), so it crosses `postMessage` as it
 * is, and `mergeTallies` gives exactly the tally of all the records, whatever
 * the split and the order the workers finish in. Each shard passes
 * `firstIndex`, so a record set aside is reported by its index in the whole
 * data set. The same code works with Web Workers in a browser, or with tallies
 * made on four machines and sent back as JSON.
 *
 * Data: `examples/data/survey-responses.json` and `contacts-week.json`.
 * Below a few hundred thousand records one thread is faster: this shows the
 * pattern, not a speed-up.
 */
import { readFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import {
  type ContactRecord,
  type ContactTally,
  contactReport,
  mergeTallies,
  type SurveyResponse,
  type SurveyTally,
  surveyReport,
  tallyContacts,
  tallySurveys,
} from "../src/index.ts";

/** What the main thread sends each worker. */
interface Shard {
  /** The index of the shard's first response (and first contact) in the whole data set. */
  responsesFirst: number;
  contactsFirst: number;
  responses: SurveyResponse[];
  contacts: ContactRecord[];
}

// The options that change what the counts mean must be the same in every shard: the tallies'
// fingerprints are compared and mergeTallies refuses tallies made with other options.
const byAgent = ["agentId"];
const byDay = [{ period: "day", of: "at", timeZone: "UTC", name: "day" }] as const;
const contactOptions = { by: byDay, thresholdMs: 20_000, shortAbandonMs: 5_000 };

function tallyShard(shard: Shard): { surveys: SurveyTally; contacts: ContactTally } {
  return {
    surveys: tallySurveys(shard.responses, { by: byAgent, firstIndex: shard.responsesFirst, onInvalid: "setAside" }),
    contacts: tallyContacts(shard.contacts, { ...contactOptions, firstIndex: shard.contactsFirst }),
  };
}

/**
 * Starts a worker running this file. Compiled to JavaScript (or under Deno or Bun) it is simply
 * `new Worker(thisFile)`; under tsx on Node 20 a worker does not inherit tsx's loader, so a
 * two-line bootstrap registers it first.
 */
function startWorker(shard: Shard): Worker {
  const file = new URL(import.meta.url);
  if (!file.pathname.endsWith(".ts")) return new Worker(file, { workerData: shard });
  const bootstrap = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(file.href)}));`;
  return new Worker(bootstrap, { eval: true, workerData: shard });
}

if (isMainThread) {
  const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`data/${file}`, import.meta.url), "utf8")) as T;
  const responses = read<(SurveyResponse & { respondedAt: string })[]>("survey-responses.json");
  const { contacts } = read<{ contacts: ContactRecord[] }>("contacts-week.json");

  const workers = 4;
  const shards: Shard[] = Array.from({ length: workers }, (_, k) => {
    const from = (n: number) => Math.floor((n * k) / workers);
    const to = (n: number) => Math.floor((n * (k + 1)) / workers);
    return {
      responsesFirst: from(responses.length),
      contactsFirst: from(contacts.length),
      responses: responses.slice(from(responses.length), to(responses.length)),
      contacts: contacts.slice(from(contacts.length), to(contacts.length)),
    };
  });
  const parts = await Promise.all(
    shards.map(
      (shard) =>
        new Promise<ReturnType<typeof tallyShard>>((resolve, reject) => {
          const worker = startWorker(shard);
          worker.once("message", (tallies) => {
            resolve(tallies);
            void worker.terminate();
          });
          worker.once("error", reject);
        }),
    ),
  );

  const surveys = mergeTallies(...(parts.map((p) => p.surveys) as [SurveyTally, ...SurveyTally[]]));
  const calls = mergeTallies(...(parts.map((p) => p.contacts) as [ContactTally, ...ContactTally[]]));

  // The merge is the tally of the whole: check it against one pass on this thread.
  const whole = tallySurveys(responses, { by: byAgent, onInvalid: "setAside" });
  const same = JSON.stringify(surveys) === JSON.stringify(whole);
  console.log(`${workers} workers, ${surveys.records} responses and ${calls.records} contacts tallied.`);
  console.log(`Merged survey tally equals the single-pass tally: ${same}`);

  const report = surveyReport(surveys);
  console.log("\nagent  responses  CSAT %  NPS     NPS 95 %");
  for (const row of report.groups) {
    const nps = row.nps;
    const interval =
      nps.lower === null || nps.upper === null ? "–" : `[${nps.lower.toFixed(1)}, ${nps.upper.toFixed(1)}]`;
    console.log(
      `${String(row.key["agentId"]).padEnd(5)}  ${String(row.responses).padStart(9)}  ${(row.csat.score ?? Number.NaN).toFixed(1).padStart(6)}  ${(nps.score ?? Number.NaN).toFixed(1).padStart(5)}   ${interval}`,
    );
  }
  const day = contactReport(calls);
  console.log("\nday         offered  SL 20 s  abandonment  AHT s");
  for (const row of [...day.groups, day.total]) {
    console.log(
      `${(row.key["day"] ?? "week").padEnd(10)}  ${String(row.contacts).padStart(7)}  ${(row.serviceLevel ?? Number.NaN).toFixed(1).padStart(7)}  ${(row.abandonmentRate ?? Number.NaN).toFixed(1).padStart(11)}  ${((row.averageHandleTimeMs ?? Number.NaN) / 1000).toFixed(0).padStart(5)}`,
    );
  }
} else {
  // A worker: tally its shard and send the plain-JSON tallies back.
  parentPort?.postMessage(tallyShard(workerData as Shard));
}
