import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import {
  acceptChanges,
  attributeSteps,
  compareDocuments,
  listChanges,
  rejectChanges,
} from "./index";

const p = (...texts: string[]): DocJSON => ({
  type: "paragraph",
  content: texts.map((text) => ({ type: "text", text })),
});
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });
const amina = { author: "Amina", date: "2026-12-07T09:00:00.000Z" };
const pedro = { author: "Pedro", date: "2026-12-07T09:10:00.000Z" };
const section = { author: "Amina, Pedro", date: "2026-12-07T09:10:00.000Z" };

/** The changes as "+author:text" / "-author:text", blocks as "+author:type:text". */
function changes(compared: DocJSON): string[] {
  return listChanges(compared).map(
    (c) =>
      `${c.kind === "insertion" ? "+" : "-"}${c.author}:${c.target === "text" ? "" : `${c.target}:`}${c.text}`,
  );
}

/** [case, older, steps (doc, author), expected changes] */
const cases: [string, DocJSON, [DocJSON, typeof amina][], string[]][] = [
  [
    "two people insert in one paragraph",
    doc(p("Access grew in rural areas.")),
    [
      [doc(p("Broadband access grew in rural areas.")), amina],
      [doc(p("Broadband access grew quickly in rural areas.")), pedro],
    ],
    ["-Amina:Access ", "+Amina:Broadband access ", "+Pedro:quickly "],
  ],
  [
    "one deletes, the other inserts",
    doc(p("Access grew fast in rural areas.")),
    [
      [doc(p("Access grew in rural areas.")), amina],
      [doc(p("Access grew in rural and remote areas.")), pedro],
    ],
    ["-Amina:fast ", "+Pedro:and remote "],
  ],
  [
    "text typed by one and deleted by the other leaves no change",
    doc(p("Access grew.")),
    [
      [doc(p("Access grew steadily.")), amina],
      [doc(p("Access grew.")), pedro],
    ],
    [],
  ],
  [
    "a paragraph added by each",
    doc(p("One.")),
    [
      [doc(p("One."), p("Two by Amina.")), amina],
      [doc(p("One."), p("Two by Amina."), p("Three by Pedro.")), pedro],
    ],
    ["+Amina:paragraph:Two by Amina.", "+Pedro:paragraph:Three by Pedro."],
  ],
  [
    "a change no step explains keeps the section's attribution",
    doc(p("Alpha.")),
    [],
    ["-Amina, Pedro:paragraph:Alpha.", "+Amina, Pedro:paragraph:Beta."],
  ],
];

describe("attributeSteps", () => {
  it.each(cases)("%s", (_name, older, steps, expected) => {
    const newer = steps.at(-1)?.[0] ?? doc(p("Beta."));
    const compared = compareDocuments(older, newer, { attribution: section });
    const attributed = attributeSteps(
      compared,
      older,
      newer,
      steps.map(([d, attribution]) => ({ doc: d, attribution })),
    );
    expect(changes(attributed)).toEqual(expected);
    expect(acceptChanges(attributed)).toEqual(acceptChanges(compared));
    expect(rejectChanges(attributed)).toEqual(rejectChanges(compared));
  });

  it("dates each change at the step that made it", () => {
    const older = doc(p("Access grew."));
    const steps = [
      { doc: doc(p("Access grew fast.")), attribution: amina },
      { doc: doc(p("Broadband access grew fast.")), attribution: pedro },
    ];
    const attributed = attributeSteps(
      compareDocuments(older, steps[1]!.doc, { attribution: section }),
      older,
      steps[1]!.doc,
      steps,
    );
    const dates = Object.fromEntries(listChanges(attributed).map((c) => [c.text, c.date]));
    expect(dates[" fast"]).toBe(amina.date);
    expect(dates["Broadband access "]).toBe(pedro.date);
  });
});
