// localInstant inverts the local time the business calendars compute: for every
// minute of 2024 in five zones with daylight saving (a 30-minute shift, half-hour
// and 45-minute offsets, the southern hemisphere, a transition at midnight), the
// local wall-clock text of an instant reads back as that instant. Every local
// minute that is not in a gap is the local time of some instant, so this covers
// every non-gap minute, both transitions of each zone included. A second,
// sampled property checks the same against `Intl.DateTimeFormat`, an oracle
// independent of the offset cache.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localInstant } from "../../src/index.js";
import { zoneOffsets } from "../../src/time/zone-offsets.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "America/Santiago", "Europe/Berlin"];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `YYYY-MM-DD HH:mm` of a local-timeline value (ms), by Hinnant's civil-from-days. */
function localText(local: number): string {
  const days = Math.floor(local / DAY);
  const tod = local - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const minutes = Math.floor(tod / MINUTE);
  return `${year}-${pad(month)}-${pad(day)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The offset the calendars use at instant `t`. */
function offsetOf(zone: ReturnType<typeof zoneOffsets>, t: number): number {
  const chunk = zone.chunkAt(t);
  let offset = chunk.offset0;
  for (let i = 0; i < chunk.times.length && (chunk.times[i] as number) <= t; i++) offset = chunk.offsets[i] as number;
  return offset;
}

describe("localInstant: properties", () => {
  it.each(ZONES)(
    "%s: the local time of every minute of 2024 always reads back as that minute (earlier or later of an overlap)",
    (name) => {
      const zone = zoneOffsets(name);
      const start = Date.UTC(2024, 0, 1) - DAY;
      const end = Date.UTC(2025, 0, 1) + DAY;
      let overlaps = 0;
      let transitions = 0;
      let previous = offsetOf(zone, start);
      const failures: string[] = [];
      for (let t = start; t < end; t += MINUTE) {
        const offset = offsetOf(zone, t);
        if (offset !== previous) transitions++;
        previous = offset;
        const text = localText(t + offset);
        const earlier = localInstant(text, name, { disambiguation: "earlier" });
        const later = localInstant(text, name, { disambiguation: "later" });
        if (earlier !== later) overlaps++;
        if ((t !== earlier && t !== later) || localInstant(text, name) !== earlier) {
          failures.push(`${new Date(t).toISOString()} → ${text} → ${earlier}/${later}`);
          if (failures.length > 5) break;
        }
      }
      expect(failures).toEqual([]);
      expect(transitions).toBe(2); // both transitions of the year were crossed
      expect(overlaps).toBeGreaterThan(0);
    },
    60_000,
  );

  const parts = new Map<string, Intl.DateTimeFormat>();
  function intlLocal(name: string, t: number): string {
    let f = parts.get(name);
    if (f === undefined) {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: name,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      });
      parts.set(name, f);
    }
    const get = (type: string) => f.formatToParts(t).find((p) => p.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
  }

  it("the local time Intl shows for an instant always reads back as that instant (2000–2037, any zone above)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES, "Asia/Kathmandu", "America/New_York"),
        fc.integer({ min: Date.UTC(2000, 0, 1) / MINUTE, max: Date.UTC(2037, 0, 1) / MINUTE }),
        (name, minutes) => {
          const t = minutes * MINUTE;
          const text = intlLocal(name, t);
          const earlier = localInstant(text, name, { disambiguation: "earlier" });
          const later = localInstant(text, name, { disambiguation: "later" });
          expect([earlier, later]).toContain(t);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reject never throws for a time that exists once, and compatible never differs from earlier there", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }),
        (name, minutes) => {
          const text = intlLocal(name, minutes * MINUTE);
          const earlier = localInstant(text, name, { disambiguation: "earlier" });
          const later = localInstant(text, name, { disambiguation: "later" });
          if (earlier === later) {
            expect(localInstant(text, name, { disambiguation: "reject" })).toBe(earlier);
          } else {
            expect(() => localInstant(text, name, { disambiguation: "reject" })).toThrow(
              expect.objectContaining({ code: "invalid_instant", fn: "localInstant", path: "text", received: text }),
            );
          }
          expect(localInstant(text, name)).toBe(earlier);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
