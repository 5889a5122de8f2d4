import { describe, expect, it } from "vitest";
import { restoreSummary, safetyVersionName } from "./RestoreVersionDialog";

const nothingInOutline = { archived: [], restored: [], changed: [], moved: false };

describe("restoreSummary", () => {
  it("counts sections and names the safety version to restore to undo", () => {
    const text = restoreSummary("Draft", safetyVersionName("Draft"), {
      restored: ["p1-access"],
      settings: false,
      documentSettings: false,
      outlineDiffers: false,
      outline: nothingInOutline,
    });
    expect(text).toBe(
      "Restored the report to “Draft”: 1 section restored. To undo, restore “Before restoring “Draft””.",
    );
  });

  it("says which settings and outline changes came back", () => {
    const text = restoreSummary("Draft", "Before", {
      restored: ["a", "b"],
      settings: true,
      documentSettings: true,
      outlineDiffers: false,
      outline: { archived: ["x"], restored: ["y"], changed: ["z", "w"], moved: true },
    });
    expect(text).toContain("2 sections restored");
    expect(text).toContain("budget settings and document settings put back");
    expect(text).toContain(
      "sections in the outline: 1 archived, 1 brought back from the archive, 2 with title or settings changed",
    );
    expect(text).toContain("the outline order put back");
  });

  it("keeps the safety version's name within the 200 characters a name may have", () => {
    expect(safetyVersionName("x".repeat(200))).toHaveLength(200);
  });
});
