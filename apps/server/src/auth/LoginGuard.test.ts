import { describe, expect, it } from "vitest";
import { LoginGuard, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USERNAME } from "./LoginGuard";

describe("LoginGuard", () => {
  it("refuses a username after its failures, from any address", () => {
    const guard = new LoginGuard();
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      expect(guard.retryAfterMs("amina", `10.0.0.${i}`, 1000)).toBe(0);
      guard.failed("amina", `10.0.0.${i}`, 1000);
    }
    expect(guard.retryAfterMs("amina", "10.9.9.9", 1001)).toBeGreaterThan(0);
    expect(guard.retryAfterMs("dina", "10.0.0.1", 1001)).toBe(0);
  });

  it("refuses an address that tries many usernames, even after a success of its own", () => {
    const guard = new LoginGuard();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) guard.failed(`user${i}`, "10.0.0.1", 1000);
    guard.succeeded("own-account");
    expect(guard.retryAfterMs("own-account", "10.0.0.1", 1001)).toBeGreaterThan(0);
    expect(guard.retryAfterMs("own-account", "10.0.0.2", 1001)).toBe(0);
  });
});
