import type { Cite } from "@citation-js/core";
import { decodeText } from "./decodeText";
import { emptySource } from "./emptySource";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
import type { ParsedEvidence } from "./parsedEvidence";
import type { SourceInput } from "./source";

/** The formats of a literature library. */
export type LiteratureFormat = "csl-json" | "bibtex" | "ris";

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

interface CslItem {
  id?: string | number;
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  "container-title"?: string;
  publisher?: string;
  "publisher-place"?: string;
  issued?: { "date-parts"?: (number | string)[][]; literal?: string; raw?: string };
  URL?: string;
  DOI?: string;
  number?: string;
  language?: string;
  abstract?: string;
  note?: string;
  keyword?: string;
  "citation-key"?: string;
}

const FORMAT_NAMES: Record<LiteratureFormat, string> = {
  "csl-json": "CSL-JSON file",
  bibtex: "BibTeX file",
  ris: "RIS file",
};
const UN_SYMBOL = /^[A-Z]{1,8}(\/[A-Za-z0-9.]+){1,8}$/;

function nameOf(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(" ");
}

function dateOf(issued: CslItem["issued"]): string | null {
  const parts = issued?.["date-parts"]?.[0];
  if (parts && parts.length > 0) {
    return parts
      .map((part, at) => (at === 0 ? String(part) : String(part).padStart(2, "0")))
      .join("-");
  }
  return issued?.literal ?? issued?.raw ?? null;
}

function sourceOf(item: CslItem): SourceInput {
  const source = emptySource("literature", item.title?.trim() || "(untitled)");
  const authors = (item.author ?? item.editor ?? []).map(nameOf).filter((name) => name !== "");
  source.ref =
    item["citation-key"] ??
    (typeof item.id === "string" && !item.id.startsWith("temp_id") ? item.id : null);
  source.author = authors.length > 0 ? authors.join("; ") : null;
  source.organisation = item.publisher ?? item["container-title"] ?? null;
  source.date = dateOf(item.issued);
  source.url = item.URL ?? (item.DOI ? `https://doi.org/${item.DOI}` : null);
  source.symbol = item.number && UN_SYMBOL.test(item.number) ? item.number : null;
  source.language = item.language ?? null;
  source.tags = (item.keyword ?? "")
    .split(/[,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  if (item.type) source.extra.type = item.type;
  if (item["container-title"]) source.extra.container = item["container-title"];
  if (item["publisher-place"]) source.extra.place = item["publisher-place"];
  if (item.DOI) source.extra.doi = item.DOI;
  source.text = [source.title, source.author, item["container-title"], item.abstract, item.note]
    .filter(Boolean)
    .join("\n");
  return source;
}

/**
 * A literature library -> one source per reference: CSL-JSON (Zotero's export), BibTeX or RIS,
 * read with citation.js. Throws {@link EvidenceImportError}: `not_text`, `malformed_file` (a
 * broken entry, JSON that is not CSL), `too_large`, `empty_file`.
 */
export async function parseLiterature(
  bytes: Uint8Array,
  format: LiteratureFormat,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<ParsedEvidence> {
  const what = FORMAT_NAMES[format];
  const text = decodeText(bytes, what);
  if (text.length > limits.maxTextChars) {
    throw new EvidenceImportError(
      "too_large",
      `The ${what} holds more than ${limits.maxTextChars} characters, over the limit.`,
    );
  }
  if (text.trim() === "")
    throw new EvidenceImportError(
      "empty_file",
      `The ${what} is empty: there is nothing to import.`,
    );
  let input: unknown = text;
  if (format === "csl-json") {
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new EvidenceImportError(
        "malformed_file",
        `The ${what} is not valid JSON: ${(error as Error).message.slice(0, 200)}`,
      );
    }
    const list = Array.isArray(input) ? input : [input];
    if (
      !list.every(
        (item) =>
          typeof item === "object" && item !== null && typeof (item as CslItem).type === "string",
      )
    ) {
      throw new EvidenceImportError(
        "malformed_file",
        `The ${what} is not CSL-JSON: every reference must be an object with a "type".`,
      );
    }
    input = list;
  } else {
    const marker = format === "bibtex" ? /@[A-Za-z]+\s*[{(]/g : /^TY {2}- /gm;
    const entries = text.match(marker)?.length ?? 0;
    if (entries === 0)
      throw new EvidenceImportError(
        "malformed_file",
        `The ${what} holds no reference (no ${format === "bibtex" ? "@type{key, ...}" : "TY  - "} entry).`,
      );
    if (entries > limits.maxEntries) {
      throw new EvidenceImportError(
        "too_large",
        `The ${what} holds ${entries} references, more than the ${limits.maxEntries} allowed.`,
      );
    }
  }
  // Loaded on first use: citation-js is large, and most servers never import a bibliography.
  const { Cite: CiteClass } = await import("./citationParsers");
  let items: CslItem[];
  try {
    items = (
      await (CiteClass.async as (data: unknown, options: object) => Promise<Cite>)(input, {
        forceType:
          format === "csl-json"
            ? "@csl/list+object"
            : format === "bibtex"
              ? "@biblatex/text"
              : "@ris/file",
      })
    ).data as CslItem[];
  } catch (error) {
    throw new EvidenceImportError(
      "malformed_file",
      `The ${what} cannot be read: ${((error as Error).message.split("\n")[0] ?? "").slice(0, 200)}`,
    );
  }
  if (items.length > limits.maxEntries) {
    throw new EvidenceImportError(
      "too_large",
      `The ${what} holds ${items.length} references, more than the ${limits.maxEntries} allowed.`,
    );
  }
  if (items.length === 0)
    throw new EvidenceImportError("empty_file", `The ${what} holds no reference.`);
  const warnings = items
    .filter((item) => !item.title)
    .map((item) => `Reference ${item["citation-key"] ?? item.id ?? "?"} has no title.`);
  return { sources: items.map(sourceOf), warnings };
}
