import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { channelMix, preferredChannel } from "../../src/index.js";

describe("channelMix", () => {
  it("counts and shares per channel, largest first, ties by name", () => {
    expect(channelMix(["phone", "email", "chat", "email", { channel: "chat" }, "social"])).toEqual([
      { channel: "chat", count: 2, percent: (2 * 100) / 6 },
      { channel: "email", count: 2, percent: (2 * 100) / 6 },
      { channel: "phone", count: 1, percent: (1 * 100) / 6 },
      { channel: "social", count: 1, percent: (1 * 100) / 6 },
    ]);
    expect(channelMix(["email", "email", "chat", "phone"]).map((r) => r.percent)).toEqual([50, 25, 25]);
  });
  it("names are compared exactly", () => {
    expect(channelMix(["Email", "email"]).length).toBe(2);
  });
  it("no items give an empty mix and no preferred channel", () => {
    expect(channelMix([])).toEqual([]);
    expect(preferredChannel([])).toBeNull();
  });
  it("rejects items without a channel (missing_value) and non-strings (invalid_type)", () => {
    expect(() => channelMix([{ channel: "chat" }, {}])).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "channelMix", path: "items[1].channel" }),
    );
    expect(() => channelMix([{ channel: 5 as never }])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "items[0].channel" }),
    );
    expect(() => preferredChannel([7 as never])).toThrow(
      expect.objectContaining({ code: "invalid_type", fn: "preferredChannel", path: "items[0]" }),
    );
    expect(() => channelMix("email" as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "items" }),
    );
  });
  it("does not mutate its input", () => {
    const frozen = Object.freeze(["b", "a", Object.freeze({ channel: "b" })]);
    channelMix(frozen);
    expect(frozen).toEqual(["b", "a", { channel: "b" }]);
  });
});

describe("preferredChannel", () => {
  it("is the top channel, ties by name", () => {
    expect(preferredChannel(["chat", "email", "chat"])).toBe("chat");
    expect(preferredChannel(["phone", "email"])).toBe("email");
  });
});

describe("channel properties", () => {
  const channels = fc.array(fc.constantFrom("email", "chat", "phone", "social", "Email"), { maxLength: 60 });
  it("shares always sum to 100 and counts to the number of items; the preferred channel heads the mix", () => {
    fc.assert(
      fc.property(channels, (items) => {
        const mix = channelMix(items);
        expect(mix.reduce((s, r) => s + r.count, 0)).toBe(items.length);
        if (items.length > 0) expect(mix.reduce((s, r) => s + r.percent, 0)).toBeCloseTo(100, 9);
        expect(preferredChannel(items)).toBe(mix[0]?.channel ?? null);
      }),
    );
  });
  it("does not depend on item order", () => {
    fc.assert(
      fc.property(
        channels.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([items, shuffled]) => {
          expect(channelMix(shuffled)).toEqual(channelMix(items));
          expect(preferredChannel(shuffled)).toBe(preferredChannel(items));
        },
      ),
    );
  });
});
