// Managing the codebook and citing a coded passage: a drafter renames a code and merges another
// into it from the source page's codebook, then, in the editor, cites the merged code's excerpt
// with a locator that the Markdown export prints in the UN-style footnote.
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { exportFile, importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { editorText, openSection, signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-access";
const SCREENSHOT = process.env.CODEBOOK_SCREENSHOT;
const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

describe("managing the codebook and citing an excerpt", () => {
  const suite = useBrowserSuite();
  let cookie: string;
  let drafter: BrowserContext;
  let sourceId: number;
  let title: string;
  let quote: string;

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    const imported = await callApi(suite.url, cookie, "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv(fixtureSubmissions(1))).toString("base64"),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    sourceId = imported.body.ids[0];
    const source = await callApi(suite.url, cookie, "GET", `/evidence/${sourceId}`);
    title = source.body.title;
    quote = source.body.answers.q2.slice(0, 20);
    const connectivity = await callApi(suite.url, cookie, "POST", "/evidence/codes", {
      name: "Connectivity",
    });
    const broadband = await callApi(suite.url, cookie, "POST", "/evidence/codes", {
      name: "Broadband",
      colour: "#1e88e5",
    });
    await callApi(suite.url, cookie, "POST", "/evidence/codes", {
      name: "Fixed lines",
      parent: broadband.body.id,
    });
    expect(connectivity.status).toBe(201);
    const coded = await callApi(suite.url, cookie, "POST", `/evidence/${sourceId}/excerpts`, {
      field: "q2",
      start: 0,
      end: 20,
      codes: [broadband.body.id],
    });
    expect(coded.status, JSON.stringify(coded.body)).toBe(201);
    const text = "Access to the Internet has grown.\n";
    expect((await importFile(suite.url, cookie, SECTION, `${SECTION}.md`, text)).status).toBe(200);
    drafter = await signedInContext(suite.browser, suite.url, "drafter");
  });

  it("renames and merges a code, then cites its excerpt with a locator printed in the Markdown export", async () => {
    const page = await drafter.newPage();
    await page.goto(`${suite.url}/evidence/${sourceId}`);
    const codebook = page.getByTestId("evidence-codebook");
    await codebook.getByTestId("codebook-code-Connectivity").waitFor();

    // Rename, with the keyboard: the dialog's name field has the focus, Enter saves.
    await page.getByTestId("codebook-edit-Connectivity").click();
    const edit = page.getByTestId("code-edit-dialog");
    await edit.waitFor();
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Access");
    await page.getByTestId("code-edit-description").fill("Who gets online");
    await page.getByTestId("code-edit-name").press("Enter");
    await edit.waitFor({ state: "detached" });
    await codebook.getByTestId("codebook-code-Access").waitFor();
    expect(await codebook.getByTestId("codebook-code-Connectivity").count()).toBe(0);

    // A name its sibling has is refused with the server's message, the dialog stays open.
    await page.getByTestId("codebook-edit-Broadband").click();
    await page.getByTestId("code-edit-name").fill("access");
    await page.getByTestId("code-edit-submit").click();
    await expect
      .poll(() => page.getByTestId("code-edit-problem").textContent())
      .toMatch(/already exists/);
    await page.keyboard.press("Escape");
    await page.getByTestId("code-edit-dialog").waitFor({ state: "detached" });

    // Merge Broadband (one excerpt, one sub-code) into Access.
    await page.getByTestId("codebook-merge-Broadband").click();
    const merge = page.getByTestId("code-merge-dialog");
    await merge.waitFor();
    await page.getByTestId("code-merge-into").selectOption({ label: "Access" });
    expect(await page.getByTestId("code-merge-summary").textContent()).toBe(
      "“Access” will tag the 1 excerpt of “Broadband”, its sub-code moves under it, and “Broadband” is deleted.",
    );
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-merge.png") });
    await page.getByTestId("code-merge-submit").click();
    await merge.waitFor({ state: "detached" });
    await expect.poll(() => codebook.getByTestId("codebook-code-Broadband").count()).toBe(0);
    await expect
      .poll(() => codebook.getByTestId("codebook-code-Access").textContent())
      .toContain("(1)");
    await codebook.getByTestId("codebook-code-Access").click();
    await expect.poll(() => page.getByTestId("codebook-excerpts").textContent()).toContain(quote);
    if (SCREENSHOT) await codebook.screenshot({ path: SCREENSHOT });

    const codes = (await callApi(suite.url, cookie, "GET", "/evidence/codes")).body.codes;
    const access = codes.find((c: { name: string }) => c.name === "Access");
    expect(codes.find((c: { name: string }) => c.name === "Fixed lines").parent).toBe(access.id);
    expect(access).toMatchObject({ description: "Who gets online", excerpts: 1 });

    // Cite the coded passage, at page 12, from the editor.
    const section = await openSection(drafter, suite.url, SECTION);
    const editor = editorText(section);
    await editor.locator("p", { hasText: "has grown" }).click();
    await section.keyboard.press("End");
    await section.keyboard.press("Control+Alt+c");
    const picker = section.getByTestId("citation-picker");
    await picker.getByRole("heading", { name: "Cite a source" }).waitFor();
    await section.keyboard.type(title);
    await picker.getByRole("option", { name: escaped(title), selected: true }).waitFor();
    const passage = picker.getByRole("radio", { name: escaped(quote.trim()) });
    await passage.waitFor();
    expect(await picker.getByRole("radio", { name: "The whole source" }).isChecked()).toBe(true);
    await passage.check();
    await section.getByTestId("citation-locator").fill("p. 12");
    if (SCREENSHOT) await section.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-cite.png") });
    await section.getByTestId("citation-locator").press("Enter");
    await expect.poll(() => picker.count()).toBe(0);

    const mark = editor.getByTestId("citation");
    await expect.poll(() => mark.getAttribute("aria-label")).toBe(`Citation 1: ${title}, p. 12`);
    const markdown = async () =>
      (await exportFile(suite.url, cookie, `format=md&section=${SECTION}`)).text;
    await expect
      .poll(markdown, { timeout: 10_000 })
      .toBe(
        `Access to the Internet has grown.[^1]\n\n[^1]: “${quote.replace(/\s+/g, " ").replace(/[.\s]+$/, "")}”, Contribution of Organisation 1 to the CSTD WSIS+20 consultation, 2024, p. 12.\n`,
      );

    // A reviewer reads the codebook but is offered no change.
    const reviewer = await (await signedInContext(suite.browser, suite.url, "reviewer")).newPage();
    await reviewer.goto(`${suite.url}/evidence/${sourceId}`);
    await reviewer.getByTestId("codebook-code-Access").waitFor();
    expect(await reviewer.getByTestId("codebook-edit-Access").count()).toBe(0);
    expect(await reviewer.getByTestId("source-excerpt-delete").count()).toBe(0);

    // The drafter deletes a code, then the excerpt (the citation keeps its quote).
    await page.getByTestId("codebook-delete-Fixed lines").click();
    expect(await page.getByTestId("code-delete-summary").textContent()).toBe(
      "“Fixed lines” tags no excerpt.",
    );
    await page.getByTestId("code-delete-submit").click();
    await expect.poll(() => codebook.getByTestId("codebook-code-Fixed lines").count()).toBe(0);
    await page.getByTestId("source-excerpt-delete").click();
    await page.getByTestId("excerpt-delete-submit").click();
    await expect.poll(() => page.getByTestId("source-excerpts").count()).toBe(0);
    await expect
      .poll(() => codebook.getByTestId("codebook-code-Access").textContent())
      .toContain("(0)");
  }, 90_000);
});
