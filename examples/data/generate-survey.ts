/**
 * Writes the survey sample data the demo reads (`npx tsx examples/data/generate-survey.ts`):
 *
 * - `survey-responses.json`: post-contact survey responses over June 2025 for the
 *   eight agents shared with the tickets and incentives sample data. Each answers
 *   CSAT (1–5), NPS (0–10) and CES 2.0 (1–7, higher is easier), any of which may
 *   be skipped (`null`).
 * - `social-mentions.json`: social-media mentions of the brand with a sentiment label.
 *
 * Seeded (mulberry32 from bench/lib.ts), so the files are the same on every run.
 * The story in the data: agents differ in quality (hana and cleo strong, gus weak);
 * a product outage from 15 to 21 June pulls every score down, and they recover
 * the week after. Social media is the harshest channel.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rng } from "../../bench/lib.ts";

export type Channel = "email" | "chat" | "phone" | "social";

export interface SurveyResponse {
  id: string;
  /** The ticket the survey followed; absent for surveys sent after a call with no ticket. */
  ticketId?: string;
  agentId: string;
  channel: Channel;
  /** ISO 8601 with Z. */
  respondedAt: string;
  /** 1–5, or null when skipped. */
  csat: number | null;
  /** 0–10, or null when skipped. */
  nps: number | null;
  /** CES 2.0: 1–7, higher is easier; null when skipped. */
  ces: number | null;
}

export interface SocialMention {
  id: string;
  platform: "x" | "facebook" | "instagram" | "reddit";
  /** ISO 8601 with Z. */
  postedAt: string;
  label: "positive" | "negative" | "neutral";
}

/** The roster and period shared with the tickets and incentives sample data. */
export const AGENTS = ["ava", "ben", "cleo", "dev", "eli", "fay", "gus", "hana"] as const;
const PERIOD_START = Date.UTC(2025, 5, 1); // 2025-06-01T00:00:00Z
const DAYS = 30;
const DAY_MS = 86_400_000;

/** How each agent's customers feel, on the latent scale (0 = typical), and their share of contacts. */
const AGENT_QUALITY: Record<(typeof AGENTS)[number], { quality: number; weight: number }> = {
  ava: { quality: 0.25, weight: 1.1 },
  ben: { quality: -0.15, weight: 1.0 },
  cleo: { quality: 0.45, weight: 0.9 },
  dev: { quality: 0.1, weight: 1.2 },
  eli: { quality: -0.3, weight: 1.0 },
  fay: { quality: 0.0, weight: 0.8 },
  gus: { quality: -0.55, weight: 1.0 },
  hana: { quality: 0.6, weight: 0.7 },
};

const CHANNELS: readonly { channel: Channel; weight: number; effect: number }[] = [
  { channel: "email", weight: 0.38, effect: -0.05 },
  { channel: "chat", weight: 0.34, effect: 0.12 },
  { channel: "phone", weight: 0.2, effect: 0.05 },
  { channel: "social", weight: 0.08, effect: -0.25 },
];

/** The outage: 15–21 June (days 14–20 from the start) everything is worse; a small recovery bounce after. */
function dayEffect(day: number): number {
  if (day >= 14 && day <= 20) return -0.4;
  if (day >= 21) return 0.05;
  return 0;
}

export function generateSurvey(seed = 20250601): { responses: SurveyResponse[]; mentions: SocialMention[] } {
  const random = rng(seed);
  const normal = (): number => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const pick = <T extends { weight: number }>(items: readonly T[]): T => {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = random() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item;
    }
    return items[items.length - 1]!;
  };
  const clampRound = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(x)));
  /** A time of day in ms, weighted to 07:00–22:00 UTC. */
  const timeOfDay = (): number => {
    const hours = random() < 0.9 ? 7 + random() * 15 : random() * 24;
    return Math.floor(hours * 3_600_000);
  };

  const agents = AGENTS.map((id) => ({ id, ...AGENT_QUALITY[id] }));
  const responses: SurveyResponse[] = [];
  let ticket = 40_000;
  for (let day = 0; day < DAYS; day++) {
    const weekday = new Date(PERIOD_START + day * DAY_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const count = Math.round((weekend ? 70 : 150) * (0.85 + 0.3 * random()));
    const stamps = Array.from({ length: count }, timeOfDay).sort((a, b) => a - b);
    for (const stamp of stamps) {
      const agent = pick(agents);
      const channel = pick(CHANNELS);
      const mood = agent.quality + channel.effect + dayEffect(day) + normal();
      ticket += 1 + Math.floor(random() * 3);
      const response: SurveyResponse = {
        id: `r-${String(responses.length + 1).padStart(5, "0")}`,
        agentId: agent.id,
        channel: channel.channel,
        respondedAt: new Date(PERIOD_START + day * DAY_MS + stamp).toISOString(),
        csat: random() < 0.93 ? clampRound(4 + 1.05 * mood + 0.5 * normal(), 1, 5) : null,
        nps: random() < 0.72 ? clampRound(7.7 + 1.9 * mood + 0.9 * normal(), 0, 10) : null,
        ces: random() < 0.58 ? clampRound(5.3 + 1.3 * mood + 0.7 * normal(), 1, 7) : null,
      };
      if (channel.channel !== "phone" || random() < 0.6) response.ticketId = `T-${ticket}`;
      responses.push(orderFields(response));
    }
  }

  const platforms = [
    { platform: "x" as const, weight: 0.45 },
    { platform: "facebook" as const, weight: 0.2 },
    { platform: "instagram" as const, weight: 0.2 },
    { platform: "reddit" as const, weight: 0.15 },
  ];
  const mentions: SocialMention[] = [];
  for (let day = 0; day < DAYS; day++) {
    const outage = day >= 14 && day <= 20;
    const count = Math.round((outage ? 55 : 32) * (0.8 + 0.4 * random()));
    const stamps = Array.from({ length: count }, timeOfDay).sort((a, b) => a - b);
    for (const stamp of stamps) {
      const r = random();
      const [positive, negative] = outage ? [0.16, 0.46] : [0.34, 0.16];
      const label = r < positive ? "positive" : r < positive + negative ? "negative" : "neutral";
      mentions.push({
        id: `m-${String(mentions.length + 1).padStart(5, "0")}`,
        platform: pick(platforms).platform,
        postedAt: new Date(PERIOD_START + day * DAY_MS + stamp).toISOString(),
        label,
      });
    }
  }
  return { responses, mentions };
}

/** Keeps a stable, readable field order with `ticketId` right after `id`. */
function orderFields(r: SurveyResponse): SurveyResponse {
  const { id, ticketId, agentId, channel, respondedAt, csat, nps, ces } = r;
  return ticketId === undefined
    ? { id, agentId, channel, respondedAt, csat, nps, ces }
    : { id, ticketId, agentId, channel, respondedAt, csat, nps, ces };
}

/** One record per line: small diffs, still a plain JSON array. */
function jsonLines(items: readonly unknown[]): string {
  return `[\n${items.map((item) => JSON.stringify(item)).join(",\n")}\n]\n`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const here = dirname(fileURLToPath(import.meta.url));
  const { responses, mentions } = generateSurvey();
  writeFileSync(join(here, "survey-responses.json"), jsonLines(responses));
  writeFileSync(join(here, "social-mentions.json"), jsonLines(mentions));
  console.log(`wrote ${responses.length} survey responses and ${mentions.length} social mentions`);
}
