import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { exportFile } from "../api/apiFiles";
import { loginAs } from "../support/serverProcess";
import { documentText } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-ecosystem";

/** What has the focus: its accessible name (label or text), role and whether a ring shows it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: "", role: "", ring: false };
    const style = getComputedStyle(element);
    // The text shows its focus on its page (the surface around it), in the focus colour.
    const surface = element.classList.contains("ProseMirror")
      ? element.closest(".editor-surface")
      : null;
    const ring =
      (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 1) ||
      style.boxShadow !== "none" ||
      (surface !== null && getComputedStyle(surface).borderTopColor === "rgb(47, 111, 179)");
    const name = (
      element.getAttribute("aria-label") ??
      element.textContent ??
      element.getAttribute("value") ??
      ""
    ).trim();
    return { name, role: element.getAttribute("role") ?? element.tagName.toLowerCase(), ring };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until the focused element's name matches `wanted`, checking
 * that every element the focus passes on the way shows a visible focus ring.
 */
async function tabTo(page: Page, wanted: RegExp, key = "Tab", limit = 40): Promise<void> {
  const passed: string[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    passed.push(now.name);
    expect(now.ring, `no visible focus on "${now.name}" (${now.role})`).toBe(true);
    if (wanted.test(now.name)) return;
  }
  throw new Error(`${wanted} not reached with ${key}; passed: ${passed.join(" | ")}`);
}

/** Whether the focus is in the section's text. */
const inText = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains("ProseMirror") ?? false);

describe("keyboard only: draft, footnote, comment, suggest, accept, send to review and approve without a mouse", () => {
  const suite = useBrowserSuite();

  it("a drafter drafts, adds a footnote and a comment; an editor approves; focus comes back", async () => {
    const [{ page: drafter }, { page: editor }] = await openSectionAs(suite, SECTION, [
      "drafter",
      "editor",
    ]);
    drafter.setDefaultTimeout(10_000);
    editor.setDefaultTimeout(10_000);

    // From the top of the page: the skip link, then into the text.
    await drafter.keyboard.press("Tab");
    expect(await focused(drafter)).toMatchObject({ name: "Skip to the text", ring: true });
    await drafter.keyboard.press("Enter");
    await tabTo(drafter, /^Text of the section/);

    // Drafting: a sub-heading and a paragraph, with keyboard shortcuts.
    await drafter.keyboard.press("Control+End");
    await drafter.keyboard.press("Control+Alt+3");
    await drafter.keyboard.type("Drafted at the keyboard");
    await drafter.keyboard.press("Enter");
    await drafter.keyboard.type("Open standards keep the ecosystem open");
    await expect
      .poll(() => drafter.locator(".ProseMirror h3").allTextContents(), { timeout: 10_000 })
      .toContain("Drafted at the keyboard");

    // A footnote: Ctrl+Alt+F opens its text, Escape returns to the body text.
    await drafter.keyboard.press("Control+Alt+KeyF");
    await expect
      .poll(() => focused(drafter), { timeout: 10_000 })
      .toMatchObject({ name: "Footnote text" });
    await drafter.keyboard.type("W3C and IETF process documents.");
    await drafter.keyboard.press("Escape");
    await expect.poll(() => inText(drafter), { timeout: 10_000 }).toBe(true);
    await drafter.keyboard.type(".");

    // The toolbar: Alt+F10 goes there, arrows move along it, Escape comes back to the text.
    await drafter.keyboard.press("Alt+F10");
    expect(
      await drafter.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null),
    ).toBe(true);
    expect((await focused(drafter)).ring).toBe(true);
    await drafter.keyboard.press("ArrowRight");
    await drafter.keyboard.press("Escape");
    await expect.poll(() => inText(drafter), { timeout: 10_000 }).toBe(true);

    // A comment on the sentence: select it with Shift+Home, Ctrl+Alt+M, type, Ctrl+Enter.
    await drafter.keyboard.press("Shift+Home");
    await drafter.keyboard.press("Control+Alt+KeyM");
    await expect
      .poll(() => focused(drafter), { timeout: 10_000 })
      .toMatchObject({ role: "textarea" });
    await drafter.keyboard.type("Name the standards bodies here.");
    await drafter.keyboard.press("Control+Enter");
    const thread = drafter
      .getByTestId("comment-thread")
      .filter({ hasText: "Name the standards bodies here." });
    await thread.waitFor();
    await expect.poll(() => inText(drafter), { timeout: 10_000 }).toBe(true);

    // The shortcuts dialog: Ctrl+/ opens it on its Close button; Escape returns to the text.
    await drafter.keyboard.press("Control+/");
    const help = drafter.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.getByText("Insert a footnote").isVisible()).toBe(true);
    expect(await focused(drafter)).toMatchObject({ name: "Close", ring: true });
    await drafter.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });
    await expect.poll(() => inText(drafter), { timeout: 10_000 }).toBe(true);

    // A suggestion on the sub-heading: the form's checkbox and replacement field by Tab.
    await drafter.keyboard.press("ArrowRight");
    await drafter.keyboard.press("ArrowUp");
    await drafter.keyboard.press("End");
    await drafter.keyboard.press("Shift+Home");
    // The editor has taken the selection in once the toolbar shows the sub-heading as current.
    await drafter.getByRole("button", { name: "Sub-heading", pressed: true }).waitFor();
    await drafter.keyboard.press("Control+Alt+KeyM");
    await expect
      .poll(() => focused(drafter), { timeout: 10_000 })
      .toMatchObject({
        role: "textarea",
      });
    await drafter.keyboard.type("A shorter heading.");
    await drafter.keyboard.press("Tab");
    await drafter.keyboard.press("Space");
    await drafter.keyboard.press("Tab");
    await drafter.keyboard.press("Control+A");
    await drafter.keyboard.type("Keyboard drafting");
    await drafter.keyboard.press("Enter");
    await drafter.getByTestId("comment-thread").filter({ hasText: "A shorter heading." }).waitFor();
    await expect.poll(() => inText(drafter), { timeout: 10_000 }).toBe(true);

    // Leaving the text with Escape; the Export menu opens and closes back onto its button.
    await drafter.keyboard.press("Escape");
    await tabTo(drafter, /^Export/, "Shift+Tab");
    await drafter.keyboard.press("Enter");
    await expect
      .poll(() => focused(drafter), { timeout: 10_000 })
      .toMatchObject({ role: "menuitem", ring: true });
    await drafter.keyboard.press("ArrowDown");
    await drafter.keyboard.press("Escape");
    await expect
      .poll(async () => (await focused(drafter)).name, { timeout: 10_000 })
      .toMatch(/^Export/);

    // The outline with Alt+Shift+O, then back to the workflow: send the section to review.
    await drafter.keyboard.press("Alt+Shift+KeyO");
    await expect.poll(async () => (await focused(drafter)).role, { timeout: 10_000 }).toBe("a");
    await tabTo(drafter, /^Send to review$/);
    await drafter.keyboard.press("Enter");
    await drafter.getByTestId("section-status").filter({ hasText: "In review" }).waitFor();
    expect((await focused(drafter)).ring).toBe(true);

    // The editor approves from the keyboard: the dialog starts on Cancel; focus stays in the bar.
    await editor.getByTestId("section-status").filter({ hasText: "In review" }).waitFor();
    await editor.getByTestId("comment-thread").filter({ hasText: "A shorter heading." }).waitFor();
    await editor.keyboard.press("Tab");
    await editor.keyboard.press("Enter");
    // First the suggestion: past the workflow, the toolbar and the text to the comments.
    await tabTo(editor, /^Accept$/);
    await editor.keyboard.press("Enter");
    await expect
      .poll(() => editor.locator(".ProseMirror h3").allTextContents(), { timeout: 10_000 })
      .toContain("Keyboard drafting");
    // The thread re-renders once the suggestion is applied; focus lands on a visible ring after it.
    await expect.poll(async () => (await focused(editor)).ring, { timeout: 10_000 }).toBe(true);
    await tabTo(editor, /^Approve and lock$/, "Shift+Tab", 60);
    await editor.keyboard.press("Enter");
    await editor.getByTestId("confirm-approve").waitFor();
    expect(await focused(editor)).toMatchObject({ name: "Cancel", ring: true });
    await tabTo(editor, /^Approve and lock$/);
    await editor.keyboard.press("Enter");
    await editor.getByTestId("section-status").filter({ hasText: "Approved" }).waitFor();
    await expect
      .poll(async () => (await focused(editor)).name, { timeout: 10_000 })
      .toMatch(/^Reopen/);
    await drafter.getByTestId("read-only-banner").waitFor();

    // The final export from the keyboard: the preflight starts on Cancel; Cancel gives the focus
    // back to the Export button, so the editor carries on where they were.
    await editor.getByTestId("export-menu").focus();
    await editor.keyboard.press("Enter");
    await expect
      .poll(async () => (await focused(editor)).name, { timeout: 10_000 })
      .toMatch(/^Word — final/);
    await editor.keyboard.press("Enter");
    const preflight = editor.getByTestId("confirm-final-export");
    await preflight.waitFor();
    expect(await focused(editor)).toMatchObject({ name: "Cancel", ring: true });
    await editor.keyboard.press("Enter");
    await preflight.waitFor({ state: "detached" });
    await expect.poll(async () => (await focused(editor)).name, { timeout: 10_000 }).toBe("Export");
    expect((await focused(editor)).ring).toBe(true);

    // What was typed is in the report: heading, paragraph, its footnote, and the comment.
    const text = await documentText(editor);
    expect(text).toContain("Keyboard drafting");
    const markdown = await exportFile(
      suite.url,
      await loginAs(suite.url, "editor"),
      `format=md&section=${SECTION}`,
    );
    expect(markdown.text).toContain("### Keyboard drafting");
    expect(markdown.text).toMatch(/Open standards keep the ecosystem open\[\^1\]\./);
    expect(markdown.text).toContain("[^1]: W3C and IETF process documents.");
    await editor.getByTestId("comment-thread").filter({ hasText: "Name the standards" }).waitFor();
  }, 120_000);
});
