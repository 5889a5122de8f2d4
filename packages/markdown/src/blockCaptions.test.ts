import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { fromMarkdown } from "./fromMarkdown";
import { normalizeDoc } from "./normalizeDoc";
import { toMarkdown } from "./toMarkdown";

const t = (text: string): DocJSON => ({ type: "text", text });
const p = (attrs: Record<string, unknown>, ...content: DocJSON[]): DocJSON => ({
  type: "paragraph",
  attrs,
  content,
});
const cell = (type: string, text: string): DocJSON => ({ type, content: [p({}, t(text))] });
const ref = (kind: string, target: string): DocJSON => ({
  type: "crossRef",
  attrs: { kind, target },
});

const SECTION: DocJSON = {
  type: "doc",
  content: [
    p({ anchor: "p-growth" }, t("Broadband grew.")),
    {
      type: "table",
      attrs: {
        title: "Fixed broadband subscriptions",
        source: "ITU, World Telecommunication Indicators, 2024.",
        note: "Per 100 inhabitants.",
        anchor: "t-broadband",
      },
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Year"), cell("tableHeader", "Rate")] },
        { type: "tableRow", content: [cell("tableCell", "2024"), cell("tableCell", "19.3")] },
      ],
    },
    {
      type: "box",
      attrs: { title: "Digital public goods", anchor: "b-goods" },
      content: [
        p({}, t("Open-source tools.")),
        { type: "bulletList", content: [{ type: "listItem", content: [p({}, t("DHIS2"))] }] },
      ],
    },
    p(
      {},
      t("See para. "),
      ref("paragraph", "p-growth"),
      t(", table "),
      ref("table", "t-broadband"),
      t(" and box "),
      ref("box", "b-goods"),
      t("."),
    ),
    p({ lang: "ar" }, t("تقرير الأمين العام")),
  ],
};

describe("tables, boxes, cross-references and languages in Markdown", () => {
  const markdown = toMarkdown(SECTION);

  it("writes a table's caption, source and note around it, a box as a titled quote", () => {
    expect(markdown).toContain("Broadband grew. {#p-growth}\n");
    expect(markdown).toContain("Table: Fixed broadband subscriptions {#t-broadband}\n\n| Year");
    expect(markdown).toContain("\n\nSource: ITU, World Telecommunication Indicators, 2024.\n");
    expect(markdown).toContain("\n\nNote: Per 100 inhabitants.\n");
    expect(markdown).toContain("> Box: Digital public goods {#b-goods}\n>\n> Open-source tools.");
    expect(markdown).toContain("See para. [p-growth](#paragraph:p-growth)");
    expect(markdown).toContain("تقرير الأمين العام {lang=ar}");
  });

  it("reads it all back as it was, without warnings", () => {
    const back = fromMarkdown(markdown);
    expect(back.warnings).toEqual([]);
    expect(back.doc).toEqual(normalizeDoc(SECTION));
    const table = back.doc.content?.[1];
    expect(table?.attrs).toMatchObject({
      title: "Fixed broadband subscriptions",
      note: "Per 100 inhabitants.",
    });
    expect(back.doc.content?.[2]?.type).toBe("box");
  });

  it("keeps an ordinary quote and a paragraph starting with Source: as they are", () => {
    const back = fromMarkdown("> Quoted text.\n\nSource: a paragraph of its own.\n");
    expect(back.doc.content?.map((b) => b.type)).toEqual(["blockquote", "paragraph"]);
  });
});
