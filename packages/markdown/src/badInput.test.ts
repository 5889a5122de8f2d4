import { MAX_CONTAINER_NESTING, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { doc, p, t } from "./docBuilders";
import { fromMarkdown } from "./fromMarkdown";
import { toMarkdown } from "./toMarkdown";

function textOf(markdown: string): string {
  return JSON.stringify(fromMarkdown(markdown).doc);
}

describe("hostile Markdown is sanitised, never interpreted", () => {
  it("drops raw HTML with a warning and keeps the text around it", () => {
    const result = fromMarkdown("Before <b>bold</b> after.\n\n<div>\nblock\n</div>");
    expect(result.doc).toEqual(doc(p(t("Before bold after."))));
    expect(result.warnings).toEqual([
      "Line 1: raw HTML dropped: <b>",
      "Line 1: raw HTML dropped: </b>",
      "Line 3: raw HTML dropped: <div> block </div>",
    ]);
  });

  it("never lets a script or an event handler into the document", () => {
    const markdown =
      "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more <script>x()</script>";
    const result = fromMarkdown(markdown);
    expect(textOf(markdown)).not.toMatch(/script|onerror|<img/);
    expect(result.doc).toEqual(doc(p(t("Text  more x()"))));
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^Line 1: raw HTML dropped: <script>/),
    );
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^Line 3: raw HTML dropped: <img/),
    );
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "/relative/path",
  ])("removes a link to %s and keeps its text", (url) => {
    const result = fromMarkdown(`[click](${url}) here`);
    expect(result.doc).toEqual(doc(p(t("click here"))));
    expect(result.warnings).toEqual([expect.stringMatching(/^Line 1: link to .* removed/)]);
  });

  it("removes unsafe autolinks and reference links too", () => {
    const result = fromMarkdown("<javascript:alert(1)> [x][bad]\n\n[bad]: javascript:alert(2)");
    expect(textOf("<javascript:alert(1)> [x][bad]\n\n[bad]: javascript:alert(2)")).not.toMatch(
      /"href":"javascript/,
    );
    expect(result.warnings).toHaveLength(2);
  });

  it("handles binary junk: control characters removed, result valid", () => {
    const junk = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(
      "",
    );
    const result = fromMarkdown(junk);
    schema.nodeFromJSON(result.doc).check();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking they are gone
    expect(JSON.stringify(result.doc)).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    expect(result.warnings[0]).toMatch(/control character\(s\) removed/);
  });

  it("handles a large file (about 1 MB) without crashing", () => {
    const paragraph = "The digital divide **narrowed** in *most* regions.[^n] ";
    const markdown = `${Array.from({ length: 2000 }, () => paragraph.repeat(10)).join("\n\n")}\n\n[^n]: A note.`;
    const result = fromMarkdown(markdown);
    expect(result.doc.content).toHaveLength(2000);
    schema.nodeFromJSON(result.doc).check();
    // Each reference gets a copy of the note; the list of warnings stays bounded.
    expect(result.warnings.length).toBeLessThanOrEqual(201);
    expect(result.warnings.at(-1)).toMatch(/more warnings/);
  });

  it("flattens nesting deeper than the editor holds, with a warning", () => {
    const result = fromMarkdown(`${">".repeat(30)} deep`);
    let depth = 0;
    let node = result.doc.content?.[0];
    while (node?.type === "blockquote") {
      depth++;
      node = node.content?.[0];
    }
    expect(depth).toBe(MAX_CONTAINER_NESTING);
    expect(JSON.stringify(result.doc)).toContain("deep");
    expect(result.warnings[0]).toContain(
      `nested more than ${MAX_CONTAINER_NESTING} levels deep was flattened`,
    );
  });

  it("refuses documents outside the schema when writing Markdown", () => {
    expect(() => toMarkdown({ type: "doc", content: [{ type: "codeBlock" }] })).toThrow();
  });
});
