import { compareDocuments } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { bold, doc, li, note, ol, p, t, table, ul } from "./docBuilders";
import { reportToCriticMarkup, toCriticMarkup } from "./toCriticMarkup";

const by = { author: "Ana", date: "2025-03-01T10:00:00Z" };

describe("toCriticMarkup writes the changes of a compared document as CriticMarkup", () => {
  it.each<[string, DocJSON, DocJSON, string]>([
    ["no change", doc(p(t("Broadband grew."))), doc(p(t("Broadband grew."))), "Broadband grew.\n"],
    [
      "word inserted",
      doc(p(t("Broadband grew."))),
      doc(p(t("Broadband grew fast."))),
      "Broadband grew{++ fast++}.\n",
    ],
    [
      "word deleted",
      doc(p(t("Broadband grew fast."))),
      doc(p(t("Broadband grew."))),
      "Broadband grew{-- fast--}.\n",
    ],
    [
      "word replaced",
      doc(p(t("Broadband grew fast."))),
      doc(p(t("Broadband grew slowly."))),
      "Broadband grew {~~fast~>slowly~~}.\n",
    ],
    [
      "paragraph inserted and deleted",
      doc(p(t("Kept.")), p(t("Gone."))),
      doc(p(t("Kept.")), p(t("Added."))),
      "Kept.\n\n{--Gone.--}\n\n{++Added.++}\n",
    ],
    [
      "bold added",
      doc(p(t("It grew fast."))),
      doc(p(t("It grew "), t("fast", bold), t("."))),
      "It grew {~~fast~>**fast**~~}.\n",
    ],
    [
      "list item added",
      doc(ul(li(p(t("one"))))),
      doc(ul(li(p(t("one"))), li(p(t("two"))))),
      "- one\n- {++two++}\n",
    ],
    [
      "footnote added: reference and definition",
      doc(p(t("Growth."))),
      doc(p(t("Growth."), note(t("ITU.")))),
      "Growth.{++[^1]++}\n\n[^1]: {++ITU.++}\n",
    ],
    [
      "footnote text changed in its definition",
      doc(p(t("Growth."), note(t("ITU, 2023.")))),
      doc(p(t("Growth."), note(t("ITU, 2024.")))),
      "Growth.[^1]\n\n[^1]: ITU, {~~2023~>2024~~}.\n",
    ],
    [
      "table row added",
      doc(table([["Region", "2024"]])),
      doc(
        table([
          ["Region", "2024"],
          ["Asia", "66"],
        ]),
      ),
      "| Region | 2024 |\n| ------ | ---- |\n| {++Asia++} | {++66++} |\n",
    ],
    [
      "numbered list item removed",
      doc(ol(1, li(p(t("one"))), li(p(t("two"))))),
      doc(ol(1, li(p(t("one"))))),
      "1. one\n2. {--two--}\n",
    ],
  ])("%s", (_name, older, newer, expected) => {
    expect(toCriticMarkup(compareDocuments(older, newer, { attribution: by }))).toBe(expected);
  });

  it("marks changes through a whole report, with its front matter and headings", () => {
    const markdown = reportToCriticMarkup({
      title: "Progress",
      symbol: "E/CN.16/2025/CRP.1",
      date: "2025-03-12",
      parts: [{ id: "p1", title: "Access" }],
      sections: [
        {
          id: "s1",
          title: "Broadband",
          part: "p1",
          doc: compareDocuments(doc(p(t("Old text."))), doc(p(t("New text."))), {
            attribution: by,
          }),
        },
      ],
    });
    expect(markdown).toContain("# Access\n\n## Broadband\n\n{~~Old~>New~~} text.\n");
  });

  it("with authors, names each change's author after it, one change per author", () => {
    const compared = compareDocuments(
      doc(p(t("Broadband grew fast in towns."))),
      doc(p(t("Broadband grew slowly in towns and villages."))),
      { attribution: by },
    );
    // Pedro added "and villages": his run is marked as his.
    const pedro = JSON.parse(
      JSON.stringify(compared).replace(
        /"text":" and villages","marks":\[\{"type":"insertion","attrs":\{"author":"Ana"/,
        '"text":" and villages","marks":[{"type":"insertion","attrs":{"author":"Pedro"',
      ),
    ) as DocJSON;
    expect(toCriticMarkup(pedro, { authors: true })).toBe(
      "Broadband grew {~~fast~>slowly~~}{>>Ana<<} in towns{++ and villages++}{>>Pedro<<}.\n",
    );
    expect(toCriticMarkup(pedro)).toBe(
      "Broadband grew {~~fast~>slowly~~} in towns{++ and villages++}.\n",
    );
  });
});
