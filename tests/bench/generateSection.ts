import type { DocJSON } from "@rapporteur/schema";

const VOCABULARY = (
  "access affordable analysis broadband capacity connectivity countries data development digital " +
  "divide economy education equality framework gender governance growth health inclusion " +
  "information infrastructure innovation institutions internet investment knowledge languages " +
  "markets measurement mobile networks objectives opportunities participation platforms policy " +
  "private progress public regional regulation research resilience rights rural security services " +
  "skills society stakeholders summit sustainable technology trade transformation women youth the " +
  "of and in to for with across between since while more than their these those which has have " +
  "been remains remain grew fell reached increased"
).split(" ");

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A section document and what it holds. */
export interface GeneratedSection {
  doc: DocJSON;
  /** Body words (headings, paragraphs, list items), footnotes excluded. */
  words: number;
  /** A word found only at the very end of the section, to tell that it has fully loaded. */
  lastWord: string;
}

/**
 * Generates a section of about `words` body words in the report schema: sub-headings, paragraphs
 * with bold and italic runs, bulleted lists and footnotes, like a drafted chapter.
 */
export function generateSection(words: number, seed = 1): GeneratedSection {
  const next = random(seed);
  const pick = () => VOCABULARY[Math.floor(next() * VOCABULARY.length)] as string;
  const sentence = (length: number) => {
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(pick());
    const text = parts.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const content: DocJSON[] = [];
  let written = 0;
  let sinceHeading = 0;
  let footnotes = 0;
  while (written < words) {
    const remaining = words - written;
    if (sinceHeading > 700 && remaining > 100) {
      const heading = sentence(4).slice(0, -1);
      content.push({
        type: "heading",
        attrs: { level: 3 },
        content: [{ type: "text", text: heading }],
      });
      written += 4;
      sinceHeading = 0;
      continue;
    }
    if (next() < 0.1 && remaining > 60) {
      const items: DocJSON[] = [];
      for (let i = 0; i < 3; i++) {
        items.push({
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: sentence(12) }] }],
        });
        written += 12;
      }
      content.push({ type: "bulletList", content: items });
      sinceHeading += 36;
      continue;
    }
    const runs: DocJSON[] = [];
    let inParagraph = 0;
    const target = Math.min(remaining, 60 + Math.floor(next() * 60));
    while (inParagraph < target) {
      const length = Math.min(target - inParagraph, 10 + Math.floor(next() * 12));
      const marks = next() < 0.08 ? [{ type: next() < 0.5 ? "bold" : "italic" }] : undefined;
      runs.push({ type: "text", text: `${sentence(length)} `, ...(marks ? { marks } : {}) });
      inParagraph += length;
      if (next() < 0.05) {
        footnotes++;
        runs.push({
          type: "footnote",
          content: [{ type: "text", text: `Source ${footnotes}: ${sentence(8)}` }],
        });
      }
    }
    content.push({ type: "paragraph", content: runs });
    written += inParagraph;
    sinceHeading += inParagraph;
  }
  const lastWord = `closingmark${seed}`;
  content.push({ type: "paragraph", content: [{ type: "text", text: lastWord }] });
  return { doc: { type: "doc", content }, words: written + 1, lastWord };
}
