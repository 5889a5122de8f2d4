import { describe, expect, it } from "vitest";
import { loadOutline } from "./loadOutline";
import { reportTemplates } from "./reportTemplates";
import { REPORT_TEMPLATE_IDS } from "./templateIds";

describe("reportTemplates", () => {
  it("offers every declared template with a valid outline", () => {
    const templates = reportTemplates();
    expect(templates.map((t) => t.id)).toEqual([...REPORT_TEMPLATE_IDS]);
    for (const template of templates) expect(template.outline().sections.length).toBeGreaterThan(0);
  });

  it("seeds the WSIS+20 review from content/outline.yaml", () => {
    const review = reportTemplates().find((t) => t.id === "wsis20-review");
    expect(review?.outline()).toEqual(loadOutline());
  });

  it("gives the annual progress report 8,000-10,000 words of budget with guidance everywhere", () => {
    const annual = reportTemplates()
      .find((t) => t.id === "wsis-annual-progress")
      ?.outline();
    const total = annual?.sections.reduce((sum, s) => sum + s.budget, 0) ?? 0;
    expect(total).toBeGreaterThanOrEqual(8_000);
    expect(total).toBeLessThanOrEqual(10_000);
    expect(annual?.sections.every((s) => s.guidance.length > 40)).toBe(true);
    expect(annual?.parts.map((p) => p.title)).toContain(
      "Implementation and follow-up at the regional level",
    );
  });

  it("makes a blank report of one part and one section", () => {
    const blank = reportTemplates()
      .find((t) => t.id === "blank")
      ?.outline();
    expect([blank?.parts.length, blank?.sections.length]).toEqual([1, 1]);
  });
});
