import { describe, expect, it } from "vitest";
import { readOnlyNotice } from "./readOnlyNotice";

type Section = Parameters<typeof readOnlyNotice>[1];

describe("read-only sections", () => {
  it("tells a reviewer why they cannot type", () => {
    const section: Section = {
      status: "drafting",
      locked: false,
      leads: [],
      updatedBy: null,
      readOnly: true,
    };
    expect(readOnlyNotice("reviewer", section)).toMatch(/^Read-only: you are a reviewer/);
  });

  it("tells a drafter who locked the section and who can reopen it", () => {
    const section: Section = {
      status: "approved",
      locked: true,
      leads: [],
      updatedBy: null,
      readOnly: true,
    };
    expect(readOnlyNotice("drafter", section)).toBe(
      "Approved and locked — an editor can reopen it.",
    );
    expect(readOnlyNotice("drafter", { ...section, updatedBy: "Maria Editor" })).toBe(
      "Approved and locked by Maria Editor — an editor can reopen it.",
    );
  });

  it("shows nothing on an editable section", () => {
    const section: Section = {
      status: "drafting",
      locked: false,
      leads: [],
      updatedBy: null,
      readOnly: false,
    };
    expect(readOnlyNotice("drafter", section)).toBeNull();
  });
});
