// Contact lists with known answers for the contact-centre tests.
import type { Contact } from "../../src/index.js";

/**
 * METRICS.md §3 vector: A 1000 (Aw 860), Ab 60: 10 short abandons under 5 s,
 * Abw 20 within 20 s (the short ones included), Aba 40 after.
 */
export function contactsVector(): Contact[] {
  const out: Contact[] = [];
  for (let i = 0; i < 860; i++) out.push({ waitMs: 10_000, outcome: "answered", talkMs: 60_000 });
  for (let i = 0; i < 140; i++) out.push({ waitMs: 30_000, outcome: "answered", talkMs: 60_000 });
  for (let i = 0; i < 10; i++) out.push({ waitMs: 1_000, outcome: "abandoned" });
  for (let i = 0; i < 10; i++) out.push({ waitMs: 10_000, outcome: "abandoned" });
  for (let i = 0; i < 40; i++) out.push({ waitMs: 30_000, outcome: "abandoned" });
  return out;
}

export const halfHour = { arrivals: 100, intervalMs: 1_800_000, averageHandleMs: 180_000, answerWithinMs: 20_000 };
