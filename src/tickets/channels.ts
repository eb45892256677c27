import { arrayLike } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * One item for {@link channelMix}: a channel name, or any record with a
 * `channel` (a ticket, a conversation, a survey response).
 *
 * @category Tickets
 */
export type ChannelItem =
  | string
  | {
      /** The channel name, e.g. `"email"`. */
      readonly channel?: string | null | undefined;
    };

/**
 * One channel's share in a {@link channelMix}.
 *
 * @category Tickets
 */
export interface ChannelShare {
  /** The channel name as given (names are compared exactly). */
  readonly channel: string;
  /** How many items came through it. */
  readonly count: number;
  /** Its share of all items, a percentage 0–100. */
  readonly percent: number;
}

/**
 * The channel mix: how many items came through each channel and their share.
 *
 * count per channel and count / all items × 100, largest first, ties in code-unit
 * order of the name (no locale is read). Channel names are compared exactly
 * (`"Email"` and `"email"` are two channels: normalize before if they are one).
 * No items give an empty list.
 *
 * @param items - Channel names or records with a `channel`.
 * @returns One row per channel `{ channel, count, percent }` (percent 0–100), largest first.
 * @throws {MetricInputError} `invalid_type` when `items` is not an array or an item is neither a string nor an object with a string `channel`; `missing_value` for an object without `channel`.
 *
 * @example
 * ```ts
 * import { channelMix } from "support-metrics";
 * channelMix(["email", "chat", "email", "phone", { channel: "chat" }, "email"]); // => [{ channel: "email", count: 3, percent: 50 }, { channel: "chat", count: 2, percent: 33.333333 }, { channel: "phone", count: 1, percent: 16.666667 }]
 * channelMix([]); // => []
 * channelMix([{ channel: null }]); // throws missing_value
 * ```
 * @see {@link preferredChannel}
 * @category Tickets
 */
export function channelMix(items: readonly ChannelItem[]): ChannelShare[] {
  const fn = "channelMix";
  const counts = tallyChannels(fn, items);
  const total = counts.total;
  return sortedChannels(counts.byChannel).map(([channel, n]) => ({ channel, count: n, percent: (n * 100) / total }));
}

/**
 * The preferred channel: the one most items came through.
 *
 * The first row of {@link channelMix}: the largest count, ties broken by
 * code-unit order of the name so the answer never depends on item order.
 * No items give `null`.
 *
 * @param items - Channel names or records with a `channel`.
 * @returns The channel name; `null` when there are no items.
 * @throws {MetricInputError} As {@link channelMix}.
 *
 * @example
 * ```ts
 * import { preferredChannel } from "support-metrics";
 * preferredChannel(["chat", "email", "chat"]); // => "chat"
 * preferredChannel(["phone", "email"]); // => "email"
 * preferredChannel([]); // => null
 * preferredChannel([42 as unknown as string]); // throws invalid_type
 * ```
 * @see {@link channelMix}
 * @category Tickets
 */
export function preferredChannel(items: readonly ChannelItem[]): string | null {
  const fn = "preferredChannel";
  const counts = tallyChannels(fn, items);
  let best: string | null = null;
  let bestCount = 0;
  for (const [channel, n] of counts.byChannel) {
    if (n > bestCount || (n === bestCount && best !== null && channel < best)) {
      best = channel;
      bestCount = n;
    }
  }
  return best;
}

function tallyChannels(fn: string, items: unknown): { byChannel: Map<string, number>; total: number } {
  const list = arrayLike(fn, "items", items, { expected: "an array of channels or records with a channel" });
  const byChannel = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    let channel: unknown = item;
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      channel = (item as { channel?: unknown }).channel;
      if (channel === undefined || channel === null) {
        throw inputError("missing_value", fn, `items[${i}].channel`, "a channel name (a string)", channel);
      }
      if (typeof channel !== "string") {
        throw inputError("invalid_type", fn, `items[${i}].channel`, "a channel name (a string)", channel);
      }
    } else if (typeof channel !== "string") {
      throw inputError("invalid_type", fn, `items[${i}]`, "a channel name or a record with a channel", item);
    }
    byChannel.set(channel as string, (byChannel.get(channel as string) ?? 0) + 1);
  }
  return { byChannel, total: list.length };
}

function sortedChannels(byChannel: Map<string, number>): [string, number][] {
  return [...byChannel].sort((a, b) => (a[1] !== b[1] ? b[1] - a[1] : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
