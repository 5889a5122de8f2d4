import type { DocxReview, ReviewChange, ReviewComment } from "@rapporteur/docx-import";
import type * as Y from "yjs";
import { anchorInIndex } from "./anchorFromTextOffsets";
import type { CommentAnchor } from "./commentAnchor";
import type { CommentOrigin } from "./commentThread";
import { resolveIn } from "./resolveAnchor";
import { indexText, type TextIndex } from "./textIndex";

/** A thread to create from a reviewed Word file, anchored in the live section. */
export interface PlacedReviewThread {
  anchor: CommentAnchor;
  /** The live text the anchor covers. */
  quote: string;
  text: string;
  /** Set for a tracked change: the text that replaces the anchor's once accepted. */
  suggestion?: { replacement: string };
  origin: CommentOrigin;
  /** Marked done in Word: imported resolved. */
  done: boolean;
  replies: { text: string; origin: CommentOrigin }[];
}

/** A change or comment of the Word file that could not be placed in the live section. */
export interface UnplacedReviewItem {
  kind: "change" | "comment";
  origin: CommentOrigin;
  /** What it is, as the thread's text would have said. */
  text: string;
  /** Why it was not placed. */
  reason: string;
}

/** What {@link placeReview} returns: threads to create, and what could not be placed. */
export interface PlacedReview {
  threads: PlacedReviewThread[];
  unplaced: UnplacedReviewItem[];
}

const CONTEXTS = [48, 24, 12, 6];
const MAX_CANDIDATES = 64;
const SHOWN = 160;

/** The running text of the section (footnotes left out), blocks separated by `\n`. */
interface LiveText {
  text: string;
  /** Per running-text run: its start in `text`, its start in the index, its length. */
  spans: { live: number; index: number; length: number }[];
}

function liveTextOf(index: TextIndex): LiveText {
  let text = "";
  const spans: LiveText["spans"] = [];
  let block: unknown = null;
  for (const run of index.runs) {
    if (run.inlineOwner !== null) continue;
    if (block !== null && run.block !== block) text += "\n";
    block = run.block;
    spans.push({ live: text.length, index: run.start, length: run.content.length });
    text += run.content;
  }
  return { text: normalise(text), spans };
}

// One character for one: offsets stay valid. Word and the editor differ in spaces only.
function normalise(text: string): string {
  return text.replace(/[\t\u00a0\u2007\u202f]/g, " ");
}

/** Offset in the section's index of a live-text offset; `end`: the end of a range. */
function indexOffset(live: LiveText, offset: number, end: boolean): number | null {
  let low = 0;
  let high = live.spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = live.spans[middle]!;
    if (offset < span.live) high = middle - 1;
    else if (offset > span.live + span.length || (!end && offset === span.live + span.length))
      low = middle + 1;
    else return span.index + (offset - span.live);
  }
  return null;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === "") return out;
  for (let at = haystack.indexOf(needle); at !== -1 && out.length < MAX_CANDIDATES; ) {
    out.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return out;
}

function nearest(candidates: number[], expected: number): number | undefined {
  let best: number | undefined;
  for (const candidate of candidates) {
    if (best === undefined || Math.abs(candidate - expected) < Math.abs(best - expected)) {
      best = candidate;
    }
  }
  return best;
}

/**
 * Finds `base[from, to)` in the live text: with as much of its context as still matches (the
 * text around it may have been edited since the export), the occurrence nearest to where it is
 * expected. `fuzzy` also accepts a range whose middle changed (its first and last words found).
 */
function locate(
  base: string,
  from: number,
  to: number,
  live: string,
  expected: number,
  fuzzy: boolean,
): { from: number; to: number } | null {
  const target = base.slice(from, to);
  for (const size of CONTEXTS) {
    const before = base.slice(Math.max(0, from - size), from);
    const after = base.slice(to, to + size);
    const tries: [string, number][] = [
      [before + target + after, before.length],
      [before + target, before.length],
      [target + after, 0],
    ];
    for (const [needle, lead] of tries) {
      if (needle.length <= target.length && target.length < 12) continue;
      const at = nearest(occurrences(live, needle), expected - lead);
      if (at !== undefined) return { from: at + lead, to: at + lead + target.length };
    }
  }
  if (target.length >= 12) {
    const at = nearest(occurrences(live, target), expected);
    if (at !== undefined) return { from: at, to: at + target.length };
  }
  if (fuzzy && target.length >= 24) {
    const edge = Math.min(24, Math.floor(target.length / 3));
    const start = nearest(occurrences(live, target.slice(0, edge)), expected);
    if (start !== undefined) {
      const tail = target.slice(-edge);
      const end = live.indexOf(tail, start + edge);
      if (end !== -1 && end + edge - start <= target.length * 1.5 + 40) {
        return { from: start, to: end + edge };
      }
    }
  }
  return null;
}

/**
 * A range to hang an insertion at `at` on: the word before it (the insertion goes after it), or
 * at the start of a paragraph the word after it (the insertion goes before it).
 */
function insertionRange(
  live: string,
  at: number,
  inserted: string,
): { from: number; to: number; replacement: string } | null {
  const isBreak = (c: string | undefined) => c === undefined || c === "\n";
  if (!isBreak(live[at - 1])) {
    let from = at;
    while (from > 0 && live[from - 1] === " ") from -= 1;
    while (from > 0 && !/[\s]/.test(live[from - 1]!)) from -= 1;
    if (from === at) return null;
    return { from, to: at, replacement: live.slice(from, at) + inserted };
  }
  let to = at;
  while (to < live.length && !/[\s]/.test(live[to]!)) to += 1;
  if (to === at) return null;
  const gap = /\s$/.test(inserted) ? "" : " ";
  return { from: at, to, replacement: inserted + gap + live.slice(at, to) };
}

const shown = (text: string) =>
  `“${text.length > SHOWN ? `${text.slice(0, SHOWN).trimEnd()}…` : text}”`;

/** What a tracked change does, in words. */
export function describeChange(change: Pick<ReviewChange, "deleted" | "inserted">): string {
  const { deleted, inserted } = change;
  const what =
    deleted === ""
      ? `Insert ${shown(inserted)}`
      : inserted === ""
        ? `Delete ${shown(deleted)}`
        : `Replace ${shown(deleted)} with ${shown(inserted)}`;
  return `${what} (tracked change in Word)`;
}

function originOf(item: { author: string; date: string | null }): CommentOrigin {
  return { author: item.author, date: item.date };
}

type Item = { kind: "change"; change: ReviewChange } | { kind: "comment"; comment: ReviewComment };

function startOf(item: Item): number {
  return item.kind === "change" ? item.change.at : (item.comment.range?.from ?? 0);
}

/**
 * Places the tracked changes and comments of a reviewed Word file ({@link DocxReview}) in the
 * live section: each is found by its text and the text around it (as much of that context as
 * still matches, the occurrence nearest where the previous items were placed), so that it lands
 * on the same words even after the section was edited since the Word file was exported. A
 * change becomes a suggestion (deletion: replace by nothing; insertion: the word before it
 * replaced by that word and the insertion), a comment a thread with its replies. What cannot be
 * placed is returned in `unplaced` with the reason, never dropped. Reads the document only.
 */
export function placeReview(ydoc: Y.Doc, review: DocxReview): PlacedReview {
  const index = indexText(ydoc);
  const live = liveTextOf(index);
  const base = normalise(review.text);
  const threads: PlacedReviewThread[] = [];
  const unplaced: UnplacedReviewItem[] = [];
  const items: Item[] = [
    ...review.changes.map((change) => ({ kind: "change" as const, change })),
    ...review.comments.map((comment) => ({ kind: "comment" as const, comment })),
  ].sort((a, b) => startOf(a) - startOf(b));
  // Live offset minus base offset where the last item was placed: the text moved by that much.
  let shift = 0;

  const anchorOf = (from: number, to: number): CommentAnchor | null => {
    const start = indexOffset(live, from, false);
    const end = indexOffset(live, to, true);
    if (start === null || end === null || end <= start) return null;
    try {
      return anchorInIndex(index, start, end);
    } catch {
      return null;
    }
  };
  const quoteOf = (anchor: CommentAnchor) => {
    const resolved = resolveIn(index, ydoc, anchor);
    return resolved?.text ?? "";
  };

  for (const item of items) {
    if (item.kind === "change") {
      const { change } = item;
      const text = describeChange(change);
      const origin = originOf(change);
      const to = change.at + change.deleted.length;
      const found = locate(base, change.at, to, live.text, change.at + shift, false);
      const range =
        found === null
          ? null
          : change.deleted === ""
            ? insertionRange(live.text, found.from, change.inserted.replace(/\s*\n\s*/g, " "))
            : { ...found, replacement: change.inserted.replace(/\s*\n\s*/g, " ") };
      const anchor = range ? anchorOf(range.from, range.to) : null;
      if (!range || !anchor) {
        unplaced.push({
          kind: "change",
          origin,
          text,
          reason:
            change.deleted === ""
              ? "the text around the insertion is no longer in the section"
              : "the deleted text is no longer in the section",
        });
        continue;
      }
      shift = (found?.from ?? 0) - change.at;
      threads.push({
        anchor,
        quote: quoteOf(anchor),
        text,
        suggestion: { replacement: range.replacement },
        origin,
        done: false,
        replies: [],
      });
    } else {
      const { comment } = item;
      const origin = originOf(comment);
      const replies = comment.replies
        .filter((reply) => reply.text.trim() !== "")
        .map((reply) => ({ text: reply.text, origin: originOf(reply) }));
      const reason = (why: string) =>
        unplaced.push({ kind: "comment", origin, text: comment.text, reason: why });
      if (!comment.range) {
        reason("the comment is not attached to any text in the Word file");
        continue;
      }
      const { from, to } = comment.range;
      const found = locate(base, from, to, live.text, from + shift, true);
      const range =
        found === null
          ? null
          : found.to > found.from
            ? found
            : insertionRange(live.text, found.from, "");
      const anchor = range ? anchorOf(range.from, range.to) : null;
      if (!found || !anchor) {
        reason("the commented text is no longer in the section");
        continue;
      }
      shift = found.from - from;
      threads.push({
        anchor,
        quote: quoteOf(anchor),
        text: comment.text,
        origin,
        done: comment.done,
        replies,
      });
    }
  }
  return { threads, unplaced };
}
