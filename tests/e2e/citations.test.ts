// Citing the evidence library from the editor: the picker found by its shortcut and driven by the
// keyboard inserts a citation, shown as a numbered note mark named by the source's title, that
// the DOCX and Markdown exports print as a footnote in the UN style from the source's metadata.
import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { cslJsonLibrary } from "@rapporteur/evidence/testing";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { exportFile, importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { editorText, newPersonContext, openSection } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-access";
const FOOTNOTE =
  "Telecommunications Policy, Broadband policy study 3 (2017). Available at https://example.org/ref3.";

describe("citing a source in the editor", () => {
  const suite = useBrowserSuite();
  let cookie: string;
  let drafter: BrowserContext;

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    const library = await callApi(suite.url, cookie, "POST", "/evidence/import", {
      filename: "zotero.json",
      contentBase64: Buffer.from(cslJsonLibrary()).toString("base64"),
    });
    expect(library.status, JSON.stringify(library.body)).toBe(200);
    const text = "Access to the Internet has grown.\n";
    expect((await importFile(suite.url, cookie, SECTION, `${SECTION}.md`, text)).status).toBe(200);
    drafter = await newPersonContext(suite.browser, suite.url, "Amina Diallo");
  });

  it("inserts a citation with the keyboard, exported as a footnote in DOCX and Markdown", async () => {
    const page = await openSection(drafter, suite.url, SECTION);
    const editor = editorText(page);
    await editor.locator("p", { hasText: "has grown" }).click();
    await page.keyboard.press("End");

    await page.keyboard.press("Control+Alt+c");
    const picker = page.getByTestId("citation-picker");
    await picker.getByRole("heading", { name: "Cite a source" }).waitFor();
    await page.keyboard.type("broadband policy");
    // Twelve references of the library, eleven of them broadband studies: the arrows choose.
    await picker.getByText("11 sources match").waitFor();
    const selected = picker.getByRole("option", { selected: true });
    const first = await selected.textContent();
    await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => picker.getByRole("option").nth(1).getAttribute("aria-selected"))
      .toBe("true");
    await page.keyboard.press("ArrowUp");
    expect(await selected.textContent()).toBe(first);
    await page.keyboard.type(" study 3");
    await picker.getByText("1 source matches").waitFor();
    await picker
      .getByRole("option", { name: /Broadband policy study 3/, selected: true })
      .waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.count()).toBe(0);

    const mark = editor.getByTestId("citation");
    await expect
      .poll(() => mark.getAttribute("aria-label"))
      .toBe("Citation 1: Broadband policy study 3");
    expect(await mark.textContent()).toBe("1");
    // The focus is back in the text, after the citation.
    await page.keyboard.type(" More.");
    await expect.poll(() => editor.textContent()).toBe("Access to the Internet has grown.1 More.");

    await expect
      .poll(
        async () => (await exportFile(suite.url, cookie, `format=md&section=${SECTION}`)).text,
        { timeout: 10_000 },
      )
      .toBe(
        "Access to the Internet has grown.[^1] More.\n\n[^1]: Telecommunications Policy, *Broadband policy study 3* (2017). Available at <https://example.org/ref3>.\n",
      );
    const docx = await exportFile(suite.url, cookie, "format=docx");
    expect(docx.status).toBe(200);
    const notes = zipEntry(docx.bytes, "word/footnotes.xml") ?? "";
    expect(wordText(notes)).toContain(FOOTNOTE);
  });
});
