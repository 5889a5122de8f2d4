import { afterEach, describe, expect, it, vi } from "vitest";
import { DeferredRateLimit } from "./DeferredRateLimit";

afterEach(() => {
  vi.useRealTimers();
});

describe("DeferredRateLimit", () => {
  it("runs a burst at once, then only the latest waiting task once the bucket refills", () => {
    vi.useFakeTimers();
    let now = 0;
    const limit = new DeferredRateLimit(
      3,
      10,
      () => {},
      () => now,
    );
    const ran: number[] = [];
    for (let i = 1; i <= 10; i++) {
      limit.run(() => {
        ran.push(i);
        return 1;
      });
    }
    expect(ran).toEqual([1, 2, 3]);
    expect(limit.delaying).toBe(true);
    now = 150;
    vi.advanceTimersByTime(150);
    // Tasks 4-9 were replaced by task 10: the latest is what counts.
    expect(ran).toEqual([1, 2, 3, 10]);
    expect(limit.delaying).toBe(false);
  });

  it("charges a task its cost after it ran, and waits until the debt is paid back", () => {
    vi.useFakeTimers();
    let now = 0;
    const limit = new DeferredRateLimit(
      1_000,
      1_000,
      () => {},
      () => now,
    );
    const sent: number[] = [];
    const send = (bytes: number) => () => {
      sent.push(bytes);
      return bytes;
    };
    limit.run(send(5_000));
    limit.run(send(10));
    expect(sent).toEqual([5_000]);
    now = 3_000;
    vi.advanceTimersByTime(3_000);
    expect(sent).toEqual([5_000]);
    now = 4_100;
    vi.advanceTimersByTime(1_100);
    expect(sent).toEqual([5_000, 10]);
  });

  it("reports what a delayed task throws, and runs nothing once stopped", () => {
    vi.useFakeTimers();
    let now = 0;
    const errors: unknown[] = [];
    const limit = new DeferredRateLimit(
      1,
      1,
      (e) => errors.push(e),
      () => now,
    );
    limit.run(() => 1);
    limit.run(() => {
      throw new Error("bad state");
    });
    now = 2_000;
    vi.advanceTimersByTime(2_000);
    expect(errors).toHaveLength(1);
    let ran = 0;
    limit.run(() => ++ran);
    limit.run(() => ++ran);
    expect(ran).toBe(1);
    limit.stop();
    limit.run(() => ++ran);
    now = 10_000;
    vi.advanceTimersByTime(10_000);
    expect(ran).toBe(1);
  });
});
