import { type DocJSON, isReportLink } from "@rapporteur/schema";
import type { Element } from "@xmldom/xmldom";
import { deeper, type FieldFrame, type InlineScope } from "./importContext";
import type { WarningKind } from "./importWarnings";
import { POSITION_MARKERS } from "./positionMarkers";
import { warnObject } from "./warnObject";
import { attribute, childElement, childElements, childValue, nameOf, toggle } from "./wordElement";

/** Converts one element inside a paragraph (a run, a hyperlink, a tracked change...). */
export type InlineHandler = (element: Element, scope: InlineScope) => DocJSON[];

/** Converts one element inside a run, with the run's bold and italic. */
type RunHandler = (element: Element, scope: InlineScope, run: RunFormat) => DocJSON[];

interface RunFormat {
  bold: boolean;
  italic: boolean;
}

/** Elements that only mark positions (bookmarks, proofing, comment ranges): nothing to keep. */
const MARKERS = new Set([
  ...POSITION_MARKERS,
  "w:pPr",
  "w:rPr",
  "w:smartTagPr",
  "w:footnoteRef",
  "w:endnoteRef",
  "w:separator",
  "w:continuationSeparator",
  "w:annotationRef",
  "w:lastRenderedPageBreak",
  "w:softHyphen",
  "w:delText",
  "w:delInstrText",
]);

const warn =
  (kind: WarningKind) =>
  (_element: Element, scope: InlineScope): DocJSON[] => {
    scope.ctx.warnings.add(kind);
    return [];
  };

/** One handler per element that may appear directly in a `w:p` (or a wrapper inside it). */
export const inlineHandlers: Record<string, InlineHandler> = {
  "w:r": run,
  "w:hyperlink": hyperlink,
  "w:fldSimple"(element, scope) {
    const frame: FieldFrame = {
      instruction: attribute(element, "w:instr") ?? "",
      phase: "result",
    };
    startResult(frame, scope);
    scope.fields.push(frame);
    try {
      return convertInlines(childElements(element), deeper(scope, element));
    } finally {
      scope.fields.pop();
    }
  },
  "w:ins": tracked("insertion"),
  "w:moveTo": tracked("insertion"),
  "w:del": warn("deletion"),
  "w:moveFrom": warn("deletion"),
  "w:smartTag": unwrap,
  "w:customXml": unwrap,
  "w:dir": unwrap,
  "w:bdo": unwrap,
  "w:sdt": (element, scope) =>
    convertInlines(
      childElements(childElement(element, "w:sdtContent") ?? element),
      deeper(scope, element),
    ),
  "mc:AlternateContent": (element, scope) =>
    alternate(element, scope, (children) => convertInlines(children, deeper(scope, element))),
  // Not valid OOXML outside a run, but written so by some tools (the docx package's Textbox).
  "w:pict": (element, scope) => object(element, scope),
  "w:drawing": (element, scope) => object(element, scope),
  "m:oMath": warn("equation"),
  "m:oMathPara": warn("equation"),
  "w:subDoc": warn("embeddedDocument"),
};

const runHandlers: Record<string, RunHandler> = {
  "w:t": (element, scope, run) =>
    hidden(scope) ? [] : textNodes(element.textContent ?? "", scope, run),
  "w:tab": (_element, scope, run) => (hidden(scope) ? [] : textNodes(" ", scope, run)),
  "w:ptab": (_element, scope, run) => (hidden(scope) ? [] : textNodes(" ", scope, run)),
  "w:noBreakHyphen": (_element, scope, run) =>
    hidden(scope) ? [] : textNodes("\u2011", scope, run),
  "w:br"(element, scope) {
    if (hidden(scope)) return [];
    const type = attribute(element, "w:type");
    if (type === "page" || type === "column") {
      scope.ctx.warnings.add("pageBreak");
      return [];
    }
    return [{ type: "hardBreak" }];
  },
  "w:cr": (_element, scope) => (hidden(scope) ? [] : [{ type: "hardBreak" }]),
  "w:sym": (_element, scope) => {
    scope.ctx.warnings.add("symbol");
    return [];
  },
  "w:footnoteReference": (element, scope) => noteReference("footnote", element, scope),
  "w:endnoteReference": (element, scope) => noteReference("endnote", element, scope),
  "w:fldChar"(element, scope) {
    const type = attribute(element, "w:fldCharType");
    fieldChar(type, scope.fields, scope);
    const top = scope.fields[scope.fields.length - 1];
    // A cross-reference takes the place of the number it showed.
    if (type === "separate" && top?.crossRef) return [{ type: "crossRef", attrs: top.crossRef }];
    return [];
  },
  "w:instrText"(element, scope) {
    const top = scope.fields[scope.fields.length - 1];
    if (top?.phase === "instruction") top.instruction += element.textContent ?? "";
    return [];
  },
  "w:drawing": (element, scope) => object(element, scope),
  "w:pict": (element, scope) => object(element, scope),
  "w:object": (element, scope) => object(element, scope),
  "w:contentPart": (element, scope) => object(element, scope),
  "mc:AlternateContent": (element, scope, run) =>
    alternate(element, scope, (children) =>
      children.flatMap((child) => runChild(child, deeper(scope, element), run)),
    ),
  "w:commentReference": (_element, scope) => {
    scope.ctx.warnings.add("comment");
    return [];
  },
};

/** Converts the children of a paragraph (or of a wrapper inside one) in order. */
export function convertInlines(elements: Element[], scope: InlineScope): DocJSON[] {
  const out: DocJSON[] = [];
  for (const element of elements) {
    const name = nameOf(element);
    if (MARKERS.has(name)) continue;
    const handler = Object.hasOwn(inlineHandlers, name) ? inlineHandlers[name] : undefined;
    if (handler) out.push(...handler(element, scope));
    else scope.ctx.warnings.add("unknownElement", name);
  }
  return out;
}

/**
 * Follows the fields of a paragraph that is left out (table of contents, masthead), so that a
 * field opened there and closed later does not hide or link the text after it.
 */
export function trackFields(paragraph: Element, fields: FieldFrame[]): void {
  const stack = childElements(paragraph).reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    const name = nameOf(element);
    if (name === "w:fldChar") fieldChar(attribute(element, "w:fldCharType"), fields);
    else if (name === "w:instrText") {
      const top = fields[fields.length - 1];
      if (top?.phase === "instruction") top.instruction += element.textContent ?? "";
    } else stack.push(...childElements(element).reverse());
  }
}

/** Removes white space and line breaks at both ends of a paragraph's content. */
export function trimInlines(content: DocJSON[]): DocJSON[] {
  const out = content.filter((node) => node.type !== "text" || node.text !== "");
  while (out.length > 0 && isBlank(out[0]!)) out.shift();
  while (out.length > 0 && isBlank(out[out.length - 1]!)) out.pop();
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, text: first.text!.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { ...last, text: last.text!.trimEnd() };
  return out;
}

function isBlank(node: DocJSON): boolean {
  return node.type === "hardBreak" || (node.type === "text" && (node.text ?? "").trim() === "");
}

function run(element: Element, scope: InlineScope): DocJSON[] {
  const rPr = childElement(element, "w:rPr");
  const style = scope.ctx.styles.runFormat(childValue(rPr, "w:rStyle"));
  if (toggle(childElement(rPr, "w:vanish")) && !hidden(scope)) {
    if (childElements(element).some((child) => nameOf(child) === "w:t")) {
      scope.ctx.warnings.add("hiddenText");
    }
    return [];
  }
  const format: RunFormat = {
    bold: toggle(childElement(rPr, "w:b")) ?? style.bold ?? false,
    italic: toggle(childElement(rPr, "w:i")) ?? style.italic ?? false,
  };
  return childElements(element).flatMap((child) => runChild(child, scope, format));
}

function runChild(element: Element, scope: InlineScope, format: RunFormat): DocJSON[] {
  const name = nameOf(element);
  if (MARKERS.has(name)) return [];
  const handler = Object.hasOwn(runHandlers, name) ? runHandlers[name] : undefined;
  if (handler) return handler(element, scope, format);
  scope.ctx.warnings.add("unknownElement", name);
  return [];
}

function hyperlink(element: Element, scope: InlineScope): DocJSON[] {
  const id = attribute(element, "r:id");
  const anchor = attribute(element, "w:anchor");
  const target = id ? scope.relationships.get(id)?.target : undefined;
  let href: string | undefined;
  if (target !== undefined) {
    if (isReportLink(target.trim())) href = target.trim() + (anchor ? `#${anchor}` : "");
    else scope.ctx.warnings.add("unsafeLink", target.slice(0, 200));
  } else if (anchor !== undefined) {
    scope.ctx.warnings.add("internalLink");
  }
  return convertInlines(childElements(element), {
    ...deeper(scope, element),
    href: href ?? scope.href,
  });
}

function unwrap(element: Element, scope: InlineScope): DocJSON[] {
  return convertInlines(childElements(element), deeper(scope, element));
}

function tracked(kind: WarningKind): InlineHandler {
  return (element, scope) => {
    scope.ctx.warnings.add(kind);
    return convertInlines(childElements(element), deeper(scope, element));
  };
}

function object(element: Element, scope: InlineScope): DocJSON[] {
  if (!hidden(scope)) warnObject(element, scope.ctx.warnings);
  return [];
}

/**
 * Markup compatibility: the `mc:Choice` branches need features we do not read, so the
 * `mc:Fallback` is used; when there is none, the choice is reported as a left-out object.
 */
export function alternate<T>(
  element: Element,
  scope: { ctx: InlineScope["ctx"] },
  convert: (children: Element[]) => T[],
): T[] {
  const fallback = childElement(element, "mc:Fallback");
  if (fallback && childElements(fallback).length > 0) return convert(childElements(fallback));
  const choice = childElement(element, "mc:Choice");
  if (choice) warnObject(choice, scope.ctx.warnings);
  return [];
}

function noteReference(
  kind: "footnote" | "endnote",
  element: Element,
  scope: InlineScope,
): DocJSON[] {
  const { ctx } = scope;
  if (hidden(scope)) return [];
  if (scope.note) {
    ctx.warnings.add("nestedNote");
    return [];
  }
  const part = kind === "footnote" ? ctx.footnotes : ctx.endnotes;
  const id = attribute(element, "w:id") ?? "";
  const note = part.notes.get(id);
  if (!note) {
    ctx.warnings.add("missingNote");
    return [];
  }
  if (ctx.usedNotes.has(`${kind}:${id}`)) {
    ctx.warnings.add("repeatedNote");
    return [];
  }
  ctx.usedNotes.add(`${kind}:${id}`);
  if (kind === "endnote") ctx.warnings.add("endnote");
  const noteScope: InlineScope = {
    ...deeper(scope, element),
    relationships: part.relationships,
    fields: [],
    href: undefined,
    note: true,
    header: false,
  };
  const paragraphs: DocJSON[][] = [];
  const stack = childElements(note).reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (nameOf(child) === "w:p") {
      const content = trimInlines(convertInlines(childElements(child), noteScope));
      if (content.length > 0) paragraphs.push(content);
    } else {
      stack.push(...childElements(child).reverse());
    }
  }
  let joined = paragraphs.length > 1;
  const content: DocJSON[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) content.push({ type: "text", text: " " });
    for (const node of paragraph) {
      if (node.type === "text") content.push(node);
      else if (node.type === "hardBreak") {
        joined = true;
        content.push({ type: "text", text: " " });
      }
    }
  });
  if (joined) ctx.warnings.add("joinedNote");
  return [{ type: "footnote", ...(content.length > 0 ? { content } : {}) }];
}

function hidden(scope: InlineScope): boolean {
  return scope.fields.some((frame) => frame.phase === "instruction" || frame.crossRef);
}

function textNodes(text: string, scope: InlineScope, format: RunFormat): DocJSON[] {
  if (text === "") return [];
  const marks: NonNullable<DocJSON["marks"]> = [];
  if (format.bold) marks.push({ type: "bold" });
  if (format.italic && !scope.header) marks.push({ type: "italic" });
  const href = scope.href ?? fieldLink(scope.fields);
  if (href) marks.push({ type: "link", attrs: { href } });
  return [marks.length > 0 ? { type: "text", text, marks } : { type: "text", text }];
}

function fieldLink(fields: FieldFrame[]): string | undefined {
  for (let i = fields.length - 1; i >= 0; i--) {
    if (fields[i]!.href) return fields[i]!.href;
  }
  return undefined;
}

const MAX_OPEN_FIELDS = 32;

function fieldChar(type: string | undefined, fields: FieldFrame[], scope?: InlineScope): void {
  if (type === "begin") {
    if (fields.length < MAX_OPEN_FIELDS) fields.push({ instruction: "", phase: "instruction" });
  } else if (type === "separate") {
    const top = fields[fields.length - 1];
    if (top?.phase === "instruction") {
      top.phase = "result";
      if (scope) startResult(top, scope);
    }
  } else if (type === "end") {
    const top = fields.pop();
    // A field without a displayed result (no "separate") is still reported.
    if (top?.phase === "instruction" && scope) startResult(top, scope);
  }
}

/** Reads a field's instruction when its result starts: links for HYPERLINK, a warning else. */
function startResult(frame: FieldFrame, scope: InlineScope): void {
  const instruction = frame.instruction.trim();
  const keyword = (instruction.split(/\s+/)[0] ?? "").toUpperCase();
  const { warnings, rapporteurExport } = scope.ctx;
  if (keyword === "HYPERLINK") {
    const target = /^HYPERLINK\s+(?:"([^"]*)"|([^\s\\]+))/i.exec(instruction);
    const address = (target?.[1] ?? target?.[2] ?? "").trim();
    if (address === "" || /\\l\b/.test(instruction)) warnings.add("internalLink");
    else if (isReportLink(address)) frame.href = address;
    else warnings.add("unsafeLink", address.slice(0, 200));
  } else if (keyword === "REF" && rapporteurExport) {
    // A cross-reference of a Rapporteur export: to a paragraph, table or box (a section's
    // number stays text: its heading is not part of the imported section).
    const name = /^REF\s+(\S+)/i.exec(instruction)?.[1] ?? "";
    const kind = scope.ctx.bookmarkKinds.get(name);
    if (kind && !scope.note && !/\\w\b/.test(instruction)) {
      frame.crossRef = { kind, target: name };
    }
  } else if (keyword === "TOC") {
    warnings.add(rapporteurExport ? "rapporteurExport" : "tableOfContents");
  } else if (keyword !== "") {
    warnings.add("field");
  }
}
