import type { Element, Root } from "hast";
import { classNames, elementsWithParents, stringProperty } from "./hastHelpers";
import { styleProperty } from "./inlineStyle";

/**
 * Where the footnotes of pasted HTML are: the references (links to a note in the same HTML) and
 * the notes they point at, as Word (`mso-footnote-id`, `mso-element:footnote-list`), Google Docs
 * (`#ftnt1`), Pandoc and most web pages (`#fn1`, `sup > a`, `role=doc-noteref`,
 * `section.footnotes`, `role=doc-endnotes`) write them.
 */
export interface FootnoteIndex {
  /** The note (an element whose content is the note's text) of each reference link. */
  noteOf: Map<Element, Element>;
  /** Notes and lists of notes: left out where they stand (notes go to their references). */
  skipped: Set<Element>;
  /** The notes, in document order. */
  notes: Element[];
  /** Notes in a list of notes that no reference points at (not kept: warned about). */
  orphans: Element[];
  /** Elements by id and by name: to tell links inside the pasted HTML from links out of it. */
  targets: Map<string, Element>;
}

const NOTE_BLOCKS = new Set(["li", "p", "div", "aside", "section", "dd", "td"]);
const REF_FRAGMENT = /^(_?ftn|_?edn|fn|footnote|endnote|note)/i;

function isNotesArea(element: Element): boolean {
  const element_ = styleProperty(stringProperty(element, "style"), "mso-element");
  if (element_ === "footnote-list" || element_ === "endnote-list") return true;
  const role = stringProperty(element, "role");
  if (role === "doc-endnotes" || role === "doc-footnotes") return true;
  return classNames(element).some((name) => /^(footnotes|endnotes)$/i.test(name));
}

/** The fragment of a link (`#fn1`, or `https://host/page#fn1`), or undefined. */
export function linkFragment(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const hash = href.indexOf("#");
  if (hash === -1 || hash === href.length - 1) return undefined;
  try {
    return decodeURIComponent(href.slice(hash + 1));
  } catch {
    return href.slice(hash + 1);
  }
}

/** Finds footnote references and their notes in a parsed HTML tree. */
export function indexFootnotes(tree: Root): FootnoteIndex {
  const all = elementsWithParents(tree);
  const parentOf = new Map<Element, Element | Root>();
  const targets = new Map<string, Element>();
  for (const { element, parent } of all) {
    parentOf.set(element, parent);
    for (const key of [stringProperty(element, "id"), stringProperty(element, "name")]) {
      if (key && !targets.has(key)) targets.set(key, element);
    }
  }
  const ancestors = function* (element: Element): Generator<Element> {
    let current = parentOf.get(element);
    while (current && current.type === "element") {
      yield current;
      current = parentOf.get(current);
    }
  };
  const areas = new Set<Element>();
  const underArea = new Set<Element>();
  // Parents come before their children in `all`.
  for (const { element, parent } of all) {
    if (isNotesArea(element)) areas.add(element);
    if (areas.has(element) || (parent.type === "element" && underArea.has(parent)))
      underArea.add(element);
  }
  const inArea = (element: Element) => underArea.has(element);

  const noteOf = new Map<Element, Element>();
  const notes: Element[] = [];
  const noteSet = new Set<Element>();
  const insideNote = (element: Element) => [...ancestors(element)].some((a) => noteSet.has(a));
  for (const { element, parent } of all) {
    if (element.tagName !== "a" || inArea(element) || insideNote(element)) continue;
    const href = stringProperty(element, "href");
    const fragment = linkFragment(href);
    if (!fragment || /ref/i.test(fragment)) continue;
    const wordId = styleProperty(stringProperty(element, "style"), "mso-footnote-id");
    let note = wordId ? targets.get(wordId) : undefined;
    const target = targets.get(fragment);
    if (!note && target) {
      const signalled =
        wordId !== undefined ||
        stringProperty(element, "role") === "doc-noteref" ||
        classNames(element).some((name) => /footnote|noteref|fnref/i.test(name)) ||
        (parent.type === "element" && parent.tagName === "sup") ||
        element.children.some((c) => c.type === "element" && c.tagName === "sup") ||
        REF_FRAGMENT.test(fragment) ||
        inArea(target);
      if (!signalled) continue;
      note = target;
      // An anchor inside the note (Word's name="_ftn1", Google's id="ftnt1"): the note is its block.
      if (!NOTE_BLOCKS.has(note.tagName)) {
        note = [...ancestors(note)].find((a) => NOTE_BLOCKS.has(a.tagName)) ?? note;
      }
    }
    if (!note || note === element || [...ancestors(element)].includes(note)) continue;
    noteOf.set(element, note);
    if (!noteSet.has(note)) {
      noteSet.add(note);
      notes.push(note);
    }
  }
  const orphans: Element[] = [];
  const holdsNote = new Set<Element>();
  for (const note of notes) for (const a of ancestors(note)) holdsNote.add(a);
  for (const { element } of all) {
    if (!underArea.has(element) || noteSet.has(element) || holdsNote.has(element)) continue;
    const isNote =
      element.tagName === "li" ||
      styleProperty(stringProperty(element, "style"), "mso-element") === "footnote";
    if (isNote && ![...ancestors(element)].some((a) => noteSet.has(a))) orphans.push(element);
  }
  return { noteOf, skipped: new Set([...areas, ...noteSet]), notes, orphans, targets };
}
