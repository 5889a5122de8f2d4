import type { ReportNumberingView } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../Logger";
import { ReportNumbering } from "./ReportNumbering";

const view = (number: string): ReportNumberingView => ({
  sections: [],
  targets: { "p-1": { kind: "paragraph", number, section: "a" } },
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

describe("ReportNumbering", () => {
  it("computes once per burst of changes and sends the numbering only when a number moved", async () => {
    let number = "3";
    let computed = 0;
    const sent: ReportNumberingView[] = [];
    const numbering = new ReportNumbering(
      async () => {
        computed += 1;
        return view(number);
      },
      (v) => sent.push(v),
      silentLogger,
      5,
    );
    expect(await numbering.view()).toEqual(view("3"));
    expect(computed).toBe(1);

    // Typing inside a paragraph: numbers unchanged, nothing sent.
    numbering.changed();
    numbering.changed();
    await settle();
    expect(computed).toBe(2);
    expect(sent).toEqual([]);

    // A paragraph added above: the new numbering is sent once, and answered from then on.
    number = "4";
    numbering.changed();
    numbering.changed();
    await settle();
    expect(sent).toEqual([view("4")]);
    expect(await numbering.view()).toEqual(view("4"));
    expect(computed).toBe(3);
  });

  it("answers current excerpts after a text-only change, without computing or sending meanwhile", async () => {
    let excerpt = "Access";
    let computed = 0;
    const sent: ReportNumberingView[] = [];
    const withExcerpt = (): ReportNumberingView => ({
      sections: [],
      targets: { "p-1": { kind: "paragraph", number: excerpt, section: "a" } },
    });
    const numbering = new ReportNumbering(
      async () => {
        computed += 1;
        return withExcerpt();
      },
      (v) => sent.push(v),
      silentLogger,
      5,
    );
    await numbering.view();
    excerpt = "Access to broadband";
    numbering.textChanged();
    await settle();
    expect(computed).toBe(1);
    expect(await numbering.view()).toEqual(withExcerpt());
    expect(computed).toBe(2);
    expect(sent).toEqual([]);
  });

  it("tries again after a failed computation", async () => {
    let fail = true;
    const numbering = new ReportNumbering(
      async () => {
        if (fail) throw new Error("worker busy");
        return view("1");
      },
      () => {},
      silentLogger,
      5,
    );
    await expect(numbering.view()).rejects.toThrow("worker busy");
    fail = false;
    expect(await numbering.view()).toEqual(view("1"));
  });
});
