import type { CitationText } from "@rapporteur/schema";
import type { Source } from "./source";

/** What a citation adds to its source: a locator ("para. 4") and a quoted excerpt. */
export interface CitationDetails {
  locator?: string | null;
  excerpt?: string | null;
}

/** The source fields the footnote is made of. */
export type CitableSource = Pick<
  Source,
  "kind" | "title" | "author" | "organisation" | "date" | "symbol" | "url" | "extra"
> & { importedAt?: string };

/** The year of a date as importers keep it: ISO, a year, "2024-02-01 10:00", or Forms' "2/1/24". */
function yearOf(date: string | null | undefined): string | null {
  if (!date) return null;
  const full = /\b(1[89]\d{2}|2\d{3})\b/.exec(date);
  if (full) return full[1]!;
  const short = /^\s*\d{1,2}\/\d{1,2}\/(\d{2})\b/.exec(date);
  return short ? `20${short[1]}` : null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

/** Text without a final full stop, so that one is added exactly once. */
function unstopped(text: string): string {
  return text.replace(/[.\s]+$/, "");
}

/**
 * The footnote text of a citation in the UN style, from the source's current metadata:
 * a UN document by its symbol ("E/CN.16/2024/2."); a questionnaire submission as "Contribution of
 * <organisation or respondent> to the CSTD WSIS+20 consultation, <year>."; any other source as
 * "<organisation or author>, <title in italics> (<place>, <year>). Available at <URL>.".
 * A locator follows the reference ("E/CN.16/2024/2, para. 4."); an excerpt is quoted before it.
 */
export function formatCitation(source: CitableSource, details: CitationDetails = {}): CitationText {
  const runs: CitationText = [];
  const excerpt = clean(details.excerpt);
  if (excerpt) runs.push({ text: `“${unstopped(excerpt)}”, ` });
  const locator = clean(details.locator);
  const withLocator = (text: string) => (locator ? `${text}, ${locator}` : text);
  const year = yearOf(source.date) ?? yearOf(source.importedAt);
  const symbol = clean(source.symbol);
  if (symbol) {
    runs.push({ text: `${withLocator(unstopped(symbol))}.` });
    return runs;
  }
  if (source.kind === "submission") {
    const who = clean(source.organisation) ?? clean(source.author) ?? "a respondent";
    const when = year ? `, ${year}` : "";
    runs.push({
      text: `${withLocator(`Contribution of ${who} to the CSTD WSIS+20 consultation${when}`)}.`,
    });
    return runs;
  }
  const who = clean(source.organisation) ?? clean(source.author);
  if (who) runs.push({ text: `${unstopped(who)}, ` });
  runs.push({ text: clean(source.title) ?? "Untitled", italic: true });
  const where = [clean(source.extra.place), year].filter(Boolean).join(", ");
  const tail = where ? ` (${where})` : "";
  runs.push({ text: `${withLocator(tail)}.` });
  const url = clean(source.url);
  if (url) runs.push({ text: " Available at " }, { text: url, link: url }, { text: "." });
  return runs;
}

/** A formatted citation as plain text (italics dropped). */
export function citationPlainText(text: CitationText): string {
  return text.map((run) => run.text).join("");
}
