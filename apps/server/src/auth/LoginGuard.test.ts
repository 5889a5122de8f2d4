import { describe, expect, it } from "vitest";
import {
  type LoginDecision,
  LoginGuard,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_USERNAME,
  MAX_USERNAME_DELAY_MS,
  THROTTLED_BURST_QUIET_MS,
  type ThrottledRecord,
} from "./LoginGuard";

function fail(decision: LoginDecision): void {
  if (!decision.allowed) throw new Error(`refused: ${decision.reason}`);
  decision.attempt.failed();
}

describe("LoginGuard", () => {
  it("counts an attempt when it begins: concurrent guesses beyond the limit are refused", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    // 300 guesses begun before any password check ends, as concurrent requests do.
    const decisions = Array.from({ length: 300 }, () => guard.begin("amina", "10.0.0.1", 1000));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(MAX_FAILURES_PER_USERNAME);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toMatchObject({ allowed: false, reason: "username_and_address" });
  });

  it("refuses the username from the failing address, and only slows it down elsewhere", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++)
      fail(guard.begin("amina", "10.0.0.1", 1000));
    expect(guard.begin("amina", "10.0.0.1", 2000 + 60_000)).toMatchObject({ allowed: false });
    // From another address: a delay of a second after the last failure, not a lock-out.
    expect(guard.begin("amina", "10.9.9.9", 1500)).toMatchObject({
      allowed: false,
      reason: "username",
    });
    const owner = guard.begin("amina", "10.9.9.9", 2000);
    expect(owner.allowed).toBe(true);
    expect(guard.begin("dina", "10.0.0.2", 1001).allowed).toBe(true);
  });

  it("spaces out a distributed guessing run with a growing, bounded delay", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const address = `10.1.${i}.1`;
      const wait = guard.retryAfterMs("amina", address, now);
      waits.push(wait);
      now += wait;
      fail(guard.begin("amina", address, now));
    }
    expect(waits.slice(0, MAX_FAILURES_PER_USERNAME).every((w) => w === 0)).toBe(true);
    expect(waits[MAX_FAILURES_PER_USERNAME]).toBe(1000);
    expect(waits[MAX_FAILURES_PER_USERNAME + 1]).toBe(2000);
    expect(Math.max(...waits)).toBe(MAX_USERNAME_DELAY_MS);
  });

  it("lets the owner in at once from an address they signed in from before", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    const first = guard.begin("amina", "10.0.0.7", 0);
    if (first.allowed) first.attempt.succeeded();
    for (let i = 0; i < 20; i++) {
      const decision = guard.begin("amina", `10.2.0.${i}`, 1000 + i * 60_000);
      if (decision.allowed) decision.attempt.failed();
    }
    expect(guard.begin("amina", "10.0.0.7", 1000 + 20 * 60_000).allowed).toBe(true);
  });

  it("refuses an address that tries many usernames, even after a success of its own", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      fail(guard.begin(`user${i}`, "10.0.0.1", 1000));
    const own = guard.begin("own-account", "10.0.0.2", 1000);
    if (own.allowed) own.attempt.succeeded();
    expect(guard.begin("own-account", "10.0.0.1", 1001)).toMatchObject({
      allowed: false,
      reason: "address",
    });
  });

  it("a right password takes its attempt back", () => {
    const guard = new LoginGuard({ sweepMs: 0 });
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++)
      fail(guard.begin("amina", "10.0.0.1", 1000));
    const right = guard.begin("amina", "10.0.0.1", 1000);
    if (right.allowed) right.attempt.succeeded();
    expect(guard.retryAfterMs("amina", "10.0.0.1", 1001)).toBe(0);
  });

  it("records one row when a burst of refusals starts and one with its count when it ends", () => {
    const records: ThrottledRecord[] = [];
    const guard = new LoginGuard({ sweepMs: 0, recordThrottled: (r) => records.push(r) });
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++)
      fail(guard.begin("amina", "10.0.0.1", 1000));
    for (let i = 0; i < 200; i++) guard.begin("amina", "10.0.0.1", 2000 + i);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ip: "10.0.0.1",
      detail: { username: "amina", reason: "username_and_address" },
    });
    // After a quiet time, the next refusal starts a new burst and closes the old one.
    guard.begin("amina", "10.0.0.1", 2200 + THROTTLED_BURST_QUIET_MS);
    expect(records).toHaveLength(3);
    expect(records[1]?.detail).toMatchObject({ burstEnded: true, refused: 200 });
    guard.begin("amina", "10.0.0.1", 2300 + THROTTLED_BURST_QUIET_MS);
    guard.stop();
    expect(records).toHaveLength(4);
    expect(records[3]?.detail).toMatchObject({ burstEnded: true, refused: 2 });
  });
});
