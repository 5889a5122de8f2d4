import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { type DocJSON, replaceYDocContent } from "@rapporteur/schema";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFile } from "../api/apiFiles";
import { type CollabClient, connectCollabClient } from "../support/collabClient";
import { loginAs } from "../support/serverProcess";
import { editorText, focusEndOfText, openSection, signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: [{ type: "text", text }],
});

describe("cross-references show the numbers the Word export prints", () => {
  const suite = useBrowserSuite();
  let cookie: string;
  let context: BrowserContext;
  let citing: Page;
  const clients: CollabClient[] = [];

  /** Paragraphs of the final DOCX as Word shows them before updating fields. */
  const exportedParagraphs = async () => {
    const file = await exportFile(suite.url, cookie, "format=docx");
    expect(file.status).toBe(200);
    const xml = zipEntry(file.bytes, "word/document.xml") ?? "";
    return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => m[0]);
  };
  const exportedNumber = async () => {
    const paragraph = (await exportedParagraphs()).find((x) => wordText(x).startsWith("See para."));
    return /^See para\. (\S+) in the overview/.exec(wordText(paragraph ?? ""))?.[1];
  };

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    // Section I.A holds the target; section II.A ("p1-context") refers to it, as an import or a
    // paste from section I.A leaves it.
    const seed = async (section: string, content: DocJSON[]) => {
      const client = connectCollabClient(suite.url, section, { cookie });
      clients.push(client);
      await client.synced;
      replaceYDocContent(client.doc, { type: "doc", content } as never);
    };
    await seed("intro-overview", [
      p("Alpha one."),
      p("Alpha two."),
      p("Alpha target.", "p-target"),
    ]);
    await seed("p1-context", [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "See para. " },
          { type: "crossRef", attrs: { kind: "paragraph", target: "p-target" } },
          { type: "text", text: " in the overview." },
        ],
      },
    ]);
    context = await signedInContext(suite.browser, suite.url, "editor");
    citing = await openSection(context, suite.url, "p1-context");
  });

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it("shows a paragraph of another section by its report-wide number, which follows paragraphs inserted above it", async () => {
    const ref = editorText(citing).locator(".cross-ref").first();
    await expect.poll(() => exportedNumber()).toBe("3");
    await expect.poll(() => ref.textContent()).toBe("3");

    // Someone adds two paragraphs at the top of section I.A.
    const overview = await openSection(context, suite.url, "intro-overview");
    // At the very start of the section's text.
    await editorText(overview)
      .locator("p", { hasText: "Alpha one." })
      .click({ position: { x: 1, y: 4 } });
    await overview.keyboard.type("Inserted first.");
    await overview.keyboard.press("Enter");
    await overview.keyboard.type("Inserted second.");
    await overview.keyboard.press("Enter");
    await expect
      .poll(() => editorText(overview).locator("p").allTextContents())
      .toEqual([
        "Inserted first.",
        "Inserted second.",
        "Alpha one.",
        "Alpha two.",
        "Alpha target.",
      ]);
    await overview.close();

    await expect.poll(() => ref.textContent(), { timeout: 15_000 }).toBe("5");
    expect(await exportedNumber()).toBe("5");
  });

  it("inserts a reference to a section from the picker with the keyboard", async () => {
    await focusEndOfText(citing);
    await citing.keyboard.type(" See also section ");
    const picker = citing.getByRole("combobox", { name: "Insert a cross-reference" });
    await expect
      .poll(() => picker.locator('optgroup[label="Sections"] option').count())
      .toBeGreaterThan(2);
    // The section options are labelled as the export labels the headings.
    const sections = await picker.locator('optgroup[label="Sections"] option').allTextContents();
    expect(sections.slice(0, 3)).toEqual([
      "§ I.A Overview of changes since WSIS and WSIS+10",
      "§ I.B The WSIS outcome documents and institutional framework",
      "§ II.A The changing context for digital development",
    ]);
    // Alt+F10 goes to the toolbar; Tab goes on to its lists (the language, then this picker).
    await citing.keyboard.press("Alt+F10");
    for (let i = 0; i < 30; i++) {
      if (await picker.evaluate((el) => el === document.activeElement)) break;
      await citing.keyboard.press("Tab");
    }
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    // Arrowing through the list inserts nothing; Enter inserts the chosen section.
    await citing.keyboard.press("ArrowDown"); // ¶ 6: See para. ...
    await citing.keyboard.press("ArrowDown"); // § I.A
    await citing.keyboard.press("ArrowDown"); // § I.B
    expect(await editorText(citing).locator(".cross-ref").count()).toBe(1);
    await citing.keyboard.press("Enter");
    const sectionRef = editorText(citing).locator('.cross-ref[data-kind="section"]');
    await expect.poll(() => sectionRef.textContent()).toBe("I.B");
    // The caret is back in the text after it.
    await expect
      .poll(() => editorText(citing).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await citing.keyboard.type(".");
    await expect
      .poll(() => editorText(citing).locator("p").first().textContent())
      .toMatch(/See also section I\.B\.$/);

    // Exported as a REF field to the heading of section I.B, showing "I.B".
    await expect
      .poll(async () =>
        (await exportedParagraphs()).some(
          (x) => x.includes("REF _Ref_ch1_s2 \\w \\h") && wordText(x).endsWith("section I.B."),
        ),
      )
      .toBe(true);
  });
});
