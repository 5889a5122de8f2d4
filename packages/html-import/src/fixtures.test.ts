import { readFileSync } from "node:fs";
import { fromMarkdown } from "@rapporteur/markdown";
import { describe, expect, it } from "vitest";
import { fromHtml } from "./fromHtml";
import { fromPlainText } from "./fromPlainText";

const APP_ORIGIN = "http://localhost:3000";

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

// Each fixture is what the program puts on the clipboard (or saves); the expected document is
// written as the Markdown it must equal (Markdown holds the normalised document exactly).
const CASES: { file: string; expected: string; warnings: string[] }[] = [
  {
    file: "word-windows.html",
    expected: `### Access and inclusion

Since 2005 the number of people using the Internet has grown from about one billion to **5.5 billion**, and *meaningful connectivity* has become the measure of progress.[^1] Gaps remain large between and within countries.

#### Affordability

The main barriers reported by Member States are:

- the cost of devices;
  - smartphones in particular;
- the price of mobile data.[^2]

| **Region**                | **Internet use (%)** |
| ------------------------- | -------------------- |
| Least developed countries | 35                   |

[^1]: ITU, *Facts and Figures 2025* (Geneva, 2025).

[^2]: See [ITU statistics](https://www.itu.int/itu-d/reports/statistics/).
`,
    warnings: [],
  },
  {
    file: "word-mac.html",
    expected: `### Digital public infrastructure

Several countries have built **digital identity** and payment systems as public infrastructure.[^1]

1. Identity;
2. Payments.

[^1]: UNDP, *Accelerating the SDGs through Digital Public Infrastructure* (New York, 2023).
`,
    warnings: [],
  },
  {
    file: "google-docs.html",
    expected: `### Artificial intelligence

Governance of AI is now on the agenda of the **Global Digital Compact** and of the *Scientific Panel* (see [the Compact](https://www.un.org/global-digital-compact/)).

- capacity building;
  - in developing countries;
- shared data resources.

| Initiative             | Year |
| ---------------------- | ---- |
| Global Digital Compact | 2024 |
`,
    warnings: [],
  },
  {
    file: "libreoffice.html",
    expected: `### Cybersecurity and trust

Confidence in online services depends on **security** and on *clear rules* for the protection of personal data.[^1]

1. National strategies
   1. incident response teams
2. Regional cooperation

| Measure             | Countries |
| ------------------- | --------- |
| Data protection law | 137       |

[^1]: UNCTAD, Data Protection and Privacy Legislation Worldwide (2021).
`,
    warnings: [],
  },
  {
    file: "web-footnotes.html",
    expected: `### Meaningful access

Universal and meaningful connectivity was set as a goal for 2030 by the [ITU and the Office of the Envoy](https://www.itu.int/itu-d/sites/projectumc/).[^1] Our earlier draft section and the governance section discuss it; the heading above too.

Offline populations are concentrated in rural areas.[^2]

> Connectivity is a means, not an end.

[^1]: ITU, *Global Connectivity Report 2022*.

[^2]: Mostly in **least developed countries**.
`,
    warnings: ["3 link(s) to this app or inside the copied page removed (their text is kept)."],
  },
  {
    file: "hard-wrapped.txt",
    expected: `The Tunis Agenda committed Member States to an inclusive and development-oriented Information Society. Twenty years on, the record is mixed: access has grown faster than anyone expected in 2005, while the gap between connected and unconnected communities has changed shape rather than closed.

72\\. Fears were expressed that the benefits of the digital economy would accrue to a few large platforms and to the countries in which they are based.
`,
    warnings: [],
  },
  {
    file: "markdown-as-text.txt",
    expected: `### Financing

Investment in infrastructure has come mainly from the **private sector**.[^a]

| Source  | Share |
| ------- | ----- |
| Private | 70 %  |
| Public  | 30 %  |

- universal service funds;
- development banks.

[^a]: OECD, *Financing Broadband* (Paris, 2024).
`,
    warnings: [],
  },
];

describe("pasted and imported fixtures become the document a report needs", () => {
  for (const { file, expected, warnings } of CASES) {
    it(file, () => {
      const source = fixture(file);
      const result = file.endsWith(".txt")
        ? fromPlainText(source)
        : fromHtml(source, { appOrigin: APP_ORIGIN });
      const want = fromMarkdown(expected);
      expect(want.warnings).toEqual([]);
      expect(result.doc).toEqual(want.doc);
      expect(result.warnings).toEqual(warnings);
    });
  }

  it("keeps Word's footnotes as footnote nodes holding the note's text (no '[1]' markers left)", () => {
    const { doc } = fromHtml(fixture("word-windows.html"));
    const text = JSON.stringify(doc);
    expect(text).not.toContain("[1]");
    expect(text).not.toContain("_ftn");
    const notes: unknown[] = [];
    const visit = (node: { type: string; content?: unknown[] }) => {
      if (node.type === "footnote") notes.push(node);
      for (const child of node.content ?? []) visit(child as typeof node);
    };
    visit(doc as never);
    expect(notes).toHaveLength(2);
  });
});
