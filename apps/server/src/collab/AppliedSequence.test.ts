import { describe, expect, it } from "vitest";
import { AppliedSequence } from "./AppliedSequence";

describe("AppliedSequence", () => {
  it("advances only as far as every stored update has been applied", () => {
    const applied = new AppliedSequence(4);
    expect(applied.through).toBe(4);
    // Another instance stored 5, this one stored 6: 5 has not arrived yet.
    applied.add(6);
    expect(applied.through).toBe(4);
    expect(applied.highest).toBe(6);
    applied.add(8);
    expect(applied.through).toBe(4);
    // 5 arrives: 5 and 6 are applied, 7 is still missing.
    applied.add(5);
    expect(applied.through).toBe(6);
    applied.add(7);
    expect(applied.through).toBe(8);
  });

  it("ignores what it already counts (loaded, or relayed twice)", () => {
    const applied = new AppliedSequence(3);
    applied.add(2);
    applied.add(3);
    applied.add(4);
    applied.add(4);
    expect(applied.through).toBe(4);
    expect(applied.highest).toBe(4);
  });

  it("takes everything through a sequence number at once (a reload from the store)", () => {
    const applied = new AppliedSequence(0);
    applied.add(3);
    applied.add(6);
    applied.addThrough(4);
    expect(applied.through).toBe(4);
    applied.add(5);
    expect(applied.through).toBe(6);
  });
});
