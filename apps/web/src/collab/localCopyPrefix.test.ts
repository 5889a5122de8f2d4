import { describe, expect, it } from "vitest";
import { accountCopiesPrefix, localCopyPrefix } from "./localCopyPrefix";

describe("localCopyPrefix", () => {
  it("keeps two reports' copies of a section with the same id apart", () => {
    const first = `${localCopyPrefix(7, 1)}:p1-access`;
    const second = `${localCopyPrefix(7, 2)}:p1-access`;
    const third = `${localCopyPrefix(7, 12)}:p1-access`;
    expect(new Set([first, second, third]).size).toBe(3);
  });

  it("keeps the first report's copies where a single-report install stored them", () => {
    expect(`${localCopyPrefix(7, 1)}:p1-access`).toBe("rapporteur:7:p1-access");
  });

  it("keeps two accounts' copies apart, and forgets all of one account's on signing out", () => {
    expect(localCopyPrefix(7, 2)).not.toBe(localCopyPrefix(8, 2));
    for (const report of [1, 2, 30]) {
      expect(`${localCopyPrefix(7, report)}:summary`.startsWith(accountCopiesPrefix(7))).toBe(true);
      expect(`${localCopyPrefix(71, report)}:summary`.startsWith(accountCopiesPrefix(7))).toBe(
        false,
      );
    }
  });
});
