/**
 * Writes `examples/data/tickets.json`: a seeded, synthetic month of help-desk
 * tickets (June 2025) for the demo. Run: `npx tsx examples/data/generate-tickets.ts`.
 *
 * Same roster and period as the survey and incentive sample data: agents ava,
 * ben, cleo, dev, eli, fay, gus and hana; 2025-06-01 … 2025-06-30 (UTC).
 * Channels email / chat / phone / social, priorities low / normal / high / urgent.
 * Each ticket has a status history (new → open → pending ↔ open → solved, some
 * reopened), a reopen count and, once resolved, the contacts it took. Tickets
 * whose events fall after 2025-06-30T24:00Z are cut there: they are still open
 * (or unanswered) at the end of the month, as in a real export.
 */
import { writeFileSync } from "node:fs";
import { rng } from "../../bench/lib.ts";

const random = rng(20250601);
const minute = 60_000;
const hour = 60 * minute;
const START = Date.UTC(2025, 5, 1);
const END = Date.UTC(2025, 6, 1); // exclusive: 2025-06-30T24:00Z
const COUNT = 2400;

const AGENTS = ["ava", "ben", "cleo", "dev", "eli", "fay", "gus", "hana"] as const;
// Per agent: a speed factor (< 1 is faster) and a first-contact skill (probability).
const SKILL: Record<string, { speed: number; fcr: number }> = {
  ava: { speed: 0.8, fcr: 0.78 },
  ben: { speed: 1.1, fcr: 0.66 },
  cleo: { speed: 0.9, fcr: 0.74 },
  dev: { speed: 1.3, fcr: 0.6 },
  eli: { speed: 1.0, fcr: 0.7 },
  fay: { speed: 0.7, fcr: 0.8 },
  gus: { speed: 1.2, fcr: 0.64 },
  hana: { speed: 0.95, fcr: 0.72 },
};
const CHANNELS = [
  { channel: "email", weight: 0.42, responseMedian: 3 * hour, resolveMedian: 16 * hour },
  { channel: "chat", weight: 0.28, responseMedian: 2 * minute, resolveMedian: 45 * minute },
  { channel: "phone", weight: 0.2, responseMedian: 40_000, resolveMedian: 25 * minute },
  { channel: "social", weight: 0.1, responseMedian: 90 * minute, resolveMedian: 8 * hour },
] as const;
const PRIORITIES = [
  { priority: "low", weight: 0.3, factor: 1.6 },
  { priority: "normal", weight: 0.45, factor: 1 },
  { priority: "high", weight: 0.18, factor: 0.6 },
  { priority: "urgent", weight: 0.07, factor: 0.3 },
] as const;

function pick<T extends { weight: number }>(items: readonly T[]): T {
  let u = random();
  for (const item of items) {
    u -= item.weight;
    if (u < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** A log-normal draw with the given median and a spread of sigma (natural log units). */
function logNormal(median: number, sigma: number): number {
  // Box–Muller from two uniforms.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * z);
}

/** A creation time: more tickets on weekdays and during the day (UTC). */
function creationTime(): number {
  for (;;) {
    const t = START + Math.floor(random() * (END - START));
    const d = new Date(t);
    const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
    const hourOfDay = d.getUTCHours();
    const busy = hourOfDay >= 8 && hourOfDay < 20;
    if (random() < (weekday ? 1 : 0.45) * (busy ? 1 : 0.3)) return Math.floor(t / minute) * minute;
  }
}

/** ISO 8601 to the second (rounding keeps the order of events). */
const iso = (ms: number): string => new Date(Math.round(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

interface Out {
  id: string;
  createdAt: string;
  channel: string;
  priority: string;
  agentId: string;
  firstResponseAt?: string;
  firstResolvedAt?: string;
  resolvedAt?: string;
  reopenCount: number;
  contactsToResolve?: number;
  statusHistory: { status: string; at: string }[];
}

const tickets: Out[] = [];
const created = Array.from({ length: COUNT }, creationTime).sort((a, b) => a - b);
created.forEach((createdAt, k) => {
  const ch = pick(CHANNELS);
  const pr = pick(PRIORITIES);
  const agentId = AGENTS[Math.floor(random() * AGENTS.length)] as string;
  const skill = SKILL[agentId] as { speed: number; fcr: number };
  const events: { status: string; at: number }[] = [{ status: "new", at: createdAt }];
  let t = createdAt + Math.max(5_000, Math.round(logNormal(ch.responseMedian * pr.factor, 0.9)));
  const firstResponseAt = t;
  events.push({ status: "open", at: t });
  // Waiting on the customer: zero, one or two pending stretches.
  const pendings = random() < 0.35 ? (random() < 0.3 ? 2 : 1) : 0;
  let work = logNormal(ch.resolveMedian * pr.factor * skill.speed, 0.8);
  for (let p = 0; p < pendings; p++) {
    t += Math.round(work * random());
    events.push({ status: "pending", at: t });
    t += Math.round(logNormal(6 * hour, 1));
    events.push({ status: "open", at: t });
    work *= 0.5;
  }
  t += Math.round(work);
  events.push({ status: "solved", at: t });
  let reopenCount = 0;
  while (reopenCount < 2 && random() < (reopenCount === 0 ? 0.08 : 0.2)) {
    reopenCount++;
    t += Math.round(logNormal(20 * hour, 0.8));
    events.push({ status: "open", at: t });
    t += Math.round(logNormal(3 * hour * skill.speed, 0.8));
    events.push({ status: "solved", at: t });
  }
  // Cut at the end of the month: later events have not happened yet. What the
  // export shows is read off the history that remains.
  const history = events.filter((e) => e.at < END);
  const solves = history.filter((e) => e.status === "solved");
  const last = history[history.length - 1] as { status: string; at: number };
  const resolved = last.status === "solved";
  const reopens = history.filter((e, i) => e.status === "open" && history[i - 1]?.status === "solved").length;
  const oneContact = random() < skill.fcr * (ch.channel === "email" ? 0.85 : 1);
  const contacts = reopens > 0 ? 2 + reopens : oneContact ? 1 : 2 + Math.floor(random() * 3);
  tickets.push({
    id: `T-${String(k + 1).padStart(5, "0")}`,
    createdAt: iso(createdAt),
    channel: ch.channel,
    priority: pr.priority,
    agentId,
    ...(firstResponseAt < END ? { firstResponseAt: iso(firstResponseAt) } : {}),
    ...(reopens > 0 ? { firstResolvedAt: iso((solves[0] as { at: number }).at) } : {}),
    ...(resolved ? { resolvedAt: iso(last.at) } : {}),
    reopenCount: reopens,
    ...(resolved ? { contactsToResolve: contacts } : {}),
    statusHistory: history.map((e) => ({ status: e.status, at: iso(e.at) })),
  });
});

const json = `[\n${tickets.map((t) => JSON.stringify(t)).join(",\n")}\n]\n`;
writeFileSync(new URL("./tickets.json", import.meta.url), json);
console.log(`wrote ${tickets.length} tickets, ${(json.length / 1024).toFixed(0)} KiB`);
