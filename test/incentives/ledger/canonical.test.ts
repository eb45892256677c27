/**
 * canonicalJson (RFC 8785 key order and number spelling) and auditDigests
 * (SHA-256 through Web Crypto), checked against Node's own `node:crypto`
 * createHash as the outside oracle.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditDigests, canonicalJson, settlePayouts } from "../../../src/index.js";
import { code } from "../../helpers/errors.js";
import { deepFreeze, type Loose } from "../helpers.js";
import { agent, perTicketPlan } from "./fixtures.js";

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units and spells numbers as JSON.stringify (RFC 8785 §3.2)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], A: { z: 1e21, y: 0.1, x: -0 } })).toBe(
      '{"A":{"x":0,"y":0.1,"z":1e+21},"a":[true,null,"x"],"b":1}',
    );
    // "\u20ac" (€, U+20AC) sorts before "\ud83d\ude00" (😀, a surrogate pair starting D83D) by code units.
    expect(canonicalJson({ "😀": 1, "€": 2 })).toBe('{"€":2,"😀":1}');
  });

  it("is the same text whatever the key order", () => {
    expect(canonicalJson({ x: { b: 2, a: 1 }, y: 1 })).toBe(canonicalJson({ y: 1, x: { a: 1, b: 2 } }));
  });

  it("rejects what JSON cannot hold, with code and path", () => {
    const codeAndPath = (value: unknown) => {
      try {
        canonicalJson(value);
      } catch (error) {
        return [(error as Loose).code, (error as Loose).path];
      }
      return null;
    };
    expect(codeAndPath({ a: [1, Number.POSITIVE_INFINITY] })).toEqual(["not_finite", "value.a[1]"]);
    expect(codeAndPath({ a: undefined })).toEqual(["invalid_type", "value.a"]);
    expect(codeAndPath({ d: new Date(0) })).toEqual(["invalid_type", "value.d"]);
    expect(codeAndPath({ n: 1n })).toEqual(["invalid_type", "value.n"]);
    const cycle: Loose = { a: {} };
    cycle.a.b = cycle;
    expect(codeAndPath(cycle)).toEqual(["invalid_value", "value.a.b"]);
    // A key that is not an identifier is named in brackets.
    expect(codeAndPath({ "first reply": { "a.b": Number.NaN } })).toEqual([
      "not_finite",
      'value["first reply"]["a.b"]',
    ]);
  });
});

describe("auditDigests", () => {
  it("digests the canonical bytes with SHA-256 (node:crypto agrees)", async () => {
    const plan = deepFreeze(perTicketPlan());
    const input = deepFreeze({ period: "2025-06", agents: [agent("ava", 10)] });
    const settlement = settlePayouts(plan, input);
    const digests = await auditDigests(plan, input, settlement);
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
    expect(digests).toEqual({
      algorithm: "SHA-256",
      plan: sha(canonicalJson(plan)),
      input: sha(canonicalJson(input)),
      settlement: sha(canonicalJson(settlement)),
    });
    // A known answer: SHA-256 of the empty object "{}".
    const empty = await auditDigests({} as Loose, {} as Loose, {} as Loose);
    expect(empty.plan).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("rejects what JSON cannot hold in the name of auditDigests, the path starting at the argument", async () => {
    const plan = perTicketPlan();
    const input = { period: "2025-06", agents: [agent("ava", 10)] };
    const settlement = settlePayouts(plan, input);
    const fn = "auditDigests";
    await expect(auditDigests({ ...plan, note: Number.NaN } as Loose, input, settlement)).rejects.toThrow(
      code("not_finite", { fn, path: "plan.note" }),
    );
    const bigint = { period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 10n } }] };
    await expect(auditDigests(plan, bigint as Loose, settlement)).rejects.toThrow(
      code("invalid_type", { fn, path: "input.agents[0].metrics.tickets", received: 10n }),
    );
    await expect(auditDigests(plan, input, { ...settlement, at: new Date(0) } as Loose)).rejects.toThrow(
      code("invalid_type", { fn, path: "settlement.at" }),
    );
  });

  it("changes when one metric changes", async () => {
    const plan = perTicketPlan();
    const a = { period: "2025-06", agents: [agent("ava", 10)] };
    const b = { period: "2025-06", agents: [agent("ava", 11)] };
    const da = await auditDigests(plan, a, settlePayouts(plan, a));
    const db = await auditDigests(plan, b, settlePayouts(plan, b));
    expect(da.plan).toBe(db.plan);
    expect(da.input).not.toBe(db.input);
    expect(da.settlement).not.toBe(db.settlement);
  });
});
