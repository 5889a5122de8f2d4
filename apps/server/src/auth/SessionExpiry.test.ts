import { afterEach, describe, expect, it, vi } from "vitest";
import { type AccountChange, AccountEvents } from "./AccountEvents";
import { SessionExpiry } from "./SessionExpiry";

afterEach(() => {
  vi.useRealTimers();
});

function setup(expiries: Record<string, number>) {
  vi.useFakeTimers({ now: 0 });
  const events = new AccountEvents();
  const ended: AccountChange[] = [];
  events.subscribe((change) => ended.push(change));
  const expiry = new SessionExpiry({ sessionExpiresAt: (token) => expiries[token] }, events);
  return { expiry, ended };
}

describe("SessionExpiry", () => {
  it("ends a session in use at its expiry time, once for all its sockets and streams", () => {
    const { expiry, ended } = setup({ a: 5_000, b: 9_000 });
    expiry.watch("a");
    expiry.watch("a");
    expiry.watch("b");
    vi.advanceTimersByTime(4_999);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ended).toEqual([
      { type: "session_ended", token: "a", reason: "Your session has expired: sign in again" },
    ]);
    vi.advanceTimersByTime(4_000);
    expect(ended.map((e) => e.type === "session_ended" && e.token)).toEqual(["a", "b"]);
  });

  it("forgets a session nobody uses any more, and ends at once one that is already gone", () => {
    const { expiry, ended } = setup({ a: 5_000 });
    const stopA = expiry.watch("a");
    stopA();
    stopA();
    vi.advanceTimersByTime(10_000);
    expect(ended).toEqual([]);
    expiry.watch("gone");
    vi.advanceTimersByTime(1);
    expect(ended).toMatchObject([{ type: "session_ended", token: "gone" }]);
  });

  it("reaches expiries beyond the longest timer in steps", () => {
    const days40 = 40 * 24 * 3_600_000;
    const { expiry, ended } = setup({ a: days40 });
    expiry.watch("a");
    vi.advanceTimersByTime(days40 - 1);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ended).toHaveLength(1);
  });
});
