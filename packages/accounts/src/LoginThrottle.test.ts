import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./LoginThrottle";

describe("LoginThrottle", () => {
  it("refuses after the allowed failures and lets the key try again when they age out", () => {
    const throttle = new LoginThrottle({ maxFailures: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfter("amina|1.2.3.4", 1000 + i)).toBe(0);
      throttle.fail("amina|1.2.3.4", 1000 + i);
    }
    expect(throttle.retryAfter("amina|1.2.3.4", 2000)).toBeGreaterThan(0);
    expect(throttle.retryAfter("other|1.2.3.4", 2000)).toBe(0);
    expect(throttle.retryAfter("amina|1.2.3.4", 61_001)).toBe(0);
  });

  it("a success clears the count", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000 });
    throttle.fail("k", 1);
    throttle.succeed("k");
    throttle.fail("k", 2);
    expect(throttle.retryAfter("k", 3)).toBe(0);
  });

  it("forgives one failure: an attempt counted before its password was checked, found right", () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000 });
    throttle.fail("k", 1);
    throttle.fail("k", 2);
    expect(throttle.retryAfter("k", 3)).toBeGreaterThan(0);
    throttle.forgive("k", 2);
    expect(throttle.failures("k", 3)).toEqual([1]);
    expect(throttle.retryAfter("k", 3)).toBe(0);
  });
});
