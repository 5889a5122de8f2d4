import { fromMarkdown, toMarkdown } from "@rapporteur/markdown";
import { type DocJSON, MAX_CONTAINER_NESTING, MAX_NESTING_DEPTH, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { fromHtml } from "./fromHtml";
import { fromPlainText } from "./fromPlainText";
import { HtmlImportError } from "./htmlImportError";

function refusal(run: () => unknown): HtmlImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof HtmlImportError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("hostile HTML is sanitised, with warnings, never a crash", () => {
  it("drops scripts, style sheets, frames and event handlers, keeping the text", () => {
    const { doc, warnings } = fromHtml(
      `<p onclick="steal()">Visible <script>alert(1)</script>text.</p><style>p{display:none}</style>
       <iframe src="https://evil.example"></iframe><object data="x.swf"></object>`,
    );
    expect(toMarkdown(doc)).toBe("Visible text.\n");
    expect(JSON.stringify(doc)).not.toMatch(/alert|steal|evil|display/);
    expect(warnings).toEqual([
      "active content (<script>) dropped.",
      "style sheet (<style>) dropped.",
      "active content (<iframe>) dropped.",
      "active content (<object>) dropped.",
    ]);
  });

  it("removes javascript: and data: links but keeps their text", () => {
    const { doc, warnings } = fromHtml(
      `<p><a href="javascript:alert(1)">one</a> <a href=" JaVa&#x09;Script:alert(2)">two</a> <a href="data:text/html,x">three</a> <a href="https://un.org">four</a></p>`,
    );
    expect(toMarkdown(doc)).toBe("one two three [four](https://un.org)\n");
    expect(warnings).toHaveLength(3);
    for (const warning of warnings) expect(warning).toMatch(/^link to ".*" removed/);
  });

  it("drops images, naming external ones", () => {
    const { doc, warnings } = fromHtml(
      `<p>Chart <img src="https://tracker.example/pixel.gif" alt="growth"> and <img src="data:image/png;base64,AAAA"></p>`,
    );
    expect(toMarkdown(doc)).toBe("Chart and\n");
    expect(warnings[0]).toMatch(
      /^external image https:\/\/tracker\.example\/pixel\.gif "growth" dropped/,
    );
    expect(warnings[1]).toMatch(/^image dropped/);
  });

  it("refuses 10 MB of HTML with a message naming the limit", () => {
    const huge = `<p>${"x".repeat(10 * 1024 * 1024)}</p>`;
    const error = refusal(() => fromHtml(huge));
    expect(error.id).toBe("too_large");
    expect(error.message).toMatch(/10\.0 MiB: more than the limit of 8\.0 MiB/);
  });

  it("refuses 10 MB of plain text the same way", () => {
    expect(refusal(() => fromPlainText("word ".repeat(2_100_000))).id).toBe("too_large");
  });

  it("flattens 500 nested lists and quotes, keeping the text", () => {
    const deep = `${"<ul><li><blockquote>".repeat(500)}deep text${"</blockquote></li></ul>".repeat(500)}`;
    const { doc, warnings } = fromHtml(deep);
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
    expect(toMarkdown(doc)).toContain("deep text");
    expect(warnings.join("\n")).toContain(
      `nested more than ${MAX_CONTAINER_NESTING} levels deep were flattened`,
    );
  });

  it("keeps lists nested as deep as the collaboration server accepts: one nesting cap for HTML and Markdown", () => {
    const depthOf = (node: DocJSON): number =>
      1 + Math.max(0, ...(node.content ?? []).map((child) => depthOf(child)));
    const html = `${"<ul><li>".repeat(20)}level 1 deep${"</li></ul>".repeat(20)}`;
    const markdown = `${Array.from({ length: 20 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n")}\n`;
    for (const { doc } of [fromHtml(html), fromMarkdown(markdown), fromPlainText(markdown)]) {
      // Below the document node, elements and text: the server refuses more than MAX_NESTING_DEPTH.
      expect(depthOf(doc) - 2).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
      expect(JSON.stringify(doc)).toContain("level 1");
    }
  });

  it("flattens elements nested past the element limit to their text", () => {
    const deep = `<p>kept</p><div>${"<span>".repeat(600)}<b>deep</b> text${"</span>".repeat(600)}</div>`;
    const { doc, warnings } = fromHtml(deep);
    expect(toMarkdown(doc)).toBe("kept\n\ndeep text\n");
    expect(warnings.join("\n")).toMatch(/nested more than 512 elements deep was flattened/);
  });

  it("refuses HTML nested too deeply to parse, without exhausting the stack", () => {
    const deep = `<p>kept</p>${"<span>".repeat(50_000)}lost${"</span>".repeat(50_000)}`;
    const error = refusal(() => fromHtml(deep));
    expect(error.id).toBe("too_deep");
    expect(error.message).toMatch(/nested too deeply/);
  });

  it("reads broken markup and binary junk as text without throwing", () => {
    for (const junk of ["<p><b><i>unclosed", "\u0000\u0001<<<>>>&&&;", "</p></div></table>", ""]) {
      const { doc } = fromHtml(junk);
      expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
    }
  });
});

describe("plain text", () => {
  it("keeps one paragraph per blank-line block and never reads PDF text as Markdown", () => {
    const { doc } = fromPlainText(
      "1. Introduction\nThe report covers\n- access;\ntwo decades.\n\nNext paragraph.",
    );
    expect(toMarkdown(doc)).toBe(
      "1\\. Introduction The report covers - access; two decades.\n\nNext paragraph.\n",
    );
  });

  it("removes control characters with a warning", () => {
    const { doc, warnings } = fromPlainText("Clean\u0007 text");
    expect(toMarkdown(doc)).toBe("Clean text\n");
    expect(warnings).toEqual(["1 control character(s) removed (binary data is not text)."]);
  });
});
