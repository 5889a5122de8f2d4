import { describe, expect, it } from "vitest";
import { isReadOnlyFor } from "./isReadOnlyFor";
import { readOnlyNotice } from "./readOnlyNotice";

type Section = Parameters<typeof readOnlyNotice>[1];

describe("read-only sections", () => {
  it.each([
    ["editor", true, false],
    ["editor", false, false],
    ["drafter", false, false],
    ["drafter", true, true],
    ["reviewer", false, true],
  ] as const)("a %s on a section locked=%s is read-only: %s", (role, locked, readOnly) => {
    expect(isReadOnlyFor(role, locked)).toBe(readOnly);
  });

  it("tells a reviewer why they cannot type", () => {
    const section: Section = { status: "drafting", locked: false, leads: [], readOnly: true };
    expect(readOnlyNotice("reviewer", section)).toMatch(/^Read-only: you are a reviewer/);
  });

  it("tells a drafter who locked the section and who can reopen it", () => {
    const section: Section = { status: "approved", locked: true, leads: [], readOnly: true };
    expect(readOnlyNotice("drafter", section)).toBe(
      "Approved and locked — an editor can reopen it.",
    );
    expect(readOnlyNotice("drafter", { ...section, updatedBy: "Maria Editor" })).toBe(
      "Approved and locked by Maria Editor — an editor can reopen it.",
    );
  });

  it("shows nothing on an editable section", () => {
    const section: Section = { status: "drafting", locked: false, leads: [], readOnly: false };
    expect(readOnlyNotice("drafter", section)).toBeNull();
  });
});
