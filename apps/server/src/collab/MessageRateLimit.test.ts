import { describe, expect, it } from "vitest";
import { MessageRateLimit } from "./MessageRateLimit";

describe("MessageRateLimit", () => {
  it("allows a burst, then the average rate, and refuses beyond", () => {
    let now = 0;
    const limit = new MessageRateLimit(10, 5, () => now);
    const taken = Array.from({ length: 6 }, () => limit.take());
    expect(taken).toEqual([true, true, true, true, true, false]);
    now += 100; // one token back at 10 per second
    expect([limit.take(), limit.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect(Array.from({ length: 6 }, () => limit.take()).filter(Boolean)).toHaveLength(5);
  });

  it("limits nothing at 0 per second", () => {
    const limit = new MessageRateLimit(0, 1, () => 0);
    expect(Array.from({ length: 100 }, () => limit.take()).every(Boolean)).toBe(true);
  });
});
