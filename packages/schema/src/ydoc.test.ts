import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isReportLink, replaceYDocContent, schema, yDocToJSON } from "./index";

const sample = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Access" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Broadband " },
        { type: "text", text: "grew", marks: [{ type: "bold" }] },
      ],
    },
  ],
};

describe("section documents in Yjs", () => {
  it("round-trips editor JSON through the Yjs fragment", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, sample);
    const back = yDocToJSON(ydoc);
    expect(back.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 3 } });
    expect(JSON.stringify(back)).toContain("grew");
  });

  it("refuses content outside the schema and leaves the document as it was", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, sample);
    const bad = { type: "doc", content: [{ type: "codeBlock", content: [] }] };
    expect(() => replaceYDocContent(ydoc, bad)).toThrow();
    expect(JSON.stringify(yDocToJSON(ydoc))).toContain("Broadband");
  });

  it("reads a document without changing it, even when it holds content outside the schema", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, sample);
    const stray = new Y.XmlElement("codeBlock");
    stray.insert(0, [new Y.XmlText("x = 1")]);
    ydoc.getXmlFragment("default").insert(1, [stray]);
    const before = Y.encodeStateVector(ydoc);
    const json = yDocToJSON(ydoc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
    expect(ydoc.getXmlFragment("default").length).toBe(3);
    expect(JSON.stringify(json)).not.toContain("codeBlock");
    expect(JSON.stringify(json)).toContain("Broadband");
  });

  it("offers what a UN report uses and nothing the exporters cannot render", () => {
    for (const node of ["heading", "bulletList", "orderedList", "blockquote", "table"]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ["bold", "italic", "link"]) expect(schema.marks[mark], mark).toBeDefined();
    expect(schema.nodes.codeBlock).toBeUndefined();
    expect(schema.marks.strike).toBeUndefined();
  });
});

describe("footnotes", () => {
  it("keep their text, emphasis and links with their reference through Yjs", () => {
    const ydoc = new Y.Doc();
    const withNote = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Broadband grew" },
            {
              type: "footnote",
              content: [
                { type: "text", text: "ITU, " },
                { type: "text", text: "Facts and Figures", marks: [{ type: "italic" }] },
              ],
            },
            { type: "text", text: " quickly." },
          ],
        },
      ],
    };
    replaceYDocContent(ydoc, withNote);
    const note = yDocToJSON(ydoc).content?.[0]?.content?.[1];
    expect(note?.type).toBe("footnote");
    expect(note?.content?.[1]).toMatchObject({
      text: "Facts and Figures",
      marks: [{ type: "italic" }],
    });
  });
});

describe("links", () => {
  it.each([
    ["https://unctad.org/cstd", true],
    ["mailto:cstd@unctad.org", true],
    ["javascript:alert(1)", false],
    ["file:///etc/passwd", false],
    ["data:text/html,<script>", false],
  ])("%s allowed: %s", (url, allowed) => {
    expect(isReportLink(url)).toBe(allowed);
  });
});
