import type { DocJSON } from "@rapporteur/schema";
import { diffArrays } from "diff";
import { joinText } from "./compareInline";
import {
  blockChange,
  CHANGEABLE_BLOCKS,
  type ChangeAttribution,
  type ChangeKind,
  inlineChange,
} from "./trackedChange";

/** One step of a document's history: its content after the step, and who made it when. */
export interface AttributedStep {
  doc: DocJSON;
  attribution: ChangeAttribution;
}

// Above this many changed tokens in one step, the step's changed middle counts as replaced whole.
const MAX_STEP_EDIT = 4_000;
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

/** The text of a document as the attribution walks it: its text nodes in document order. */
function textOf(doc: DocJSON): string {
  const parts: string[] = [];
  const walk = (node: DocJSON) => {
    if (node.type === "text") parts.push(node.text ?? "");
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return parts.join("");
}

/**
 * Where each character of `next` comes from in `prev` (its index) or -1 (inserted by the step):
 * the common start and end kept, the middle diffed word by word.
 */
function stepOrigins(prev: string, next: string): Int32Array {
  const origins = new Int32Array(next.length).fill(-1);
  let start = 0;
  const shortest = Math.min(prev.length, next.length);
  while (start < shortest && prev.charCodeAt(start) === next.charCodeAt(start)) {
    origins[start] = start;
    start++;
  }
  let end = 0;
  while (
    end < shortest - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    origins[next.length - 1 - end] = prev.length - 1 - end;
    end++;
  }
  const a = prev.slice(start, prev.length - end).match(TOKEN) ?? [];
  const b = next.slice(start, next.length - end).match(TOKEN) ?? [];
  if (a.length === 0 || b.length === 0) return origins;
  const chunks = diffArrays(a, b, { maxEditLength: MAX_STEP_EDIT });
  if (!chunks) return origins;
  let i = start;
  let j = start;
  for (const chunk of chunks) {
    const length = chunk.value.reduce((n, token) => n + token.length, 0);
    if (chunk.added) j += length;
    else if (chunk.removed) i += length;
    else {
      for (let k = 0; k < length; k++) origins[j + k] = i + k;
      i += length;
      j += length;
    }
  }
  return origins;
}

/**
 * Re-attributes the changes of a compared document (compareDocuments(older, newer)) change by
 * change, from the steps the text went through from `older` to `newer` (e.g. the checkpoints of
 * the attributed history, oldest first): each inserted character is credited to the step that
 * typed it, each deleted one to the step that removed it, so that a passage changed by several
 * people shows each person's own insertions and deletions, with that step's date. Inserted or
 * deleted text is split where its authors change; a whole block takes the author of its first
 * changed character. Characters the steps cannot place (a word the final comparison shows replaced
 * whole, of which a step changed one letter) take the author of their neighbours in the same
 * change; a change with none keeps the attribution it has. When the last step is not `newer`,
 * the remaining difference is credited to the change's existing attribution.
 *
 * Pure. Returns `compared` unchanged when there are no steps or the compared document does not
 * match `older` and `newer`.
 */
export function attributeSteps(
  compared: DocJSON,
  older: DocJSON,
  newer: DocJSON,
  steps: readonly AttributedStep[],
): DocJSON {
  if (steps.length === 0) return compared;
  const olderText = textOf(older);
  const newerText = textOf(newer);
  // Where each character of the current text came from: >= 0 a character of `older`, else the
  // step that inserted it as -(step + 2).
  let sources = new Int32Array(olderText.length);
  for (let i = 0; i < sources.length; i++) sources[i] = i;
  const deletedBy = new Int32Array(olderText.length).fill(-1);
  let previous = olderText;
  const texts = steps.map((s) => textOf(s.doc));
  const attributions = steps.map((s) => s.attribution);
  if (texts.at(-1) !== newerText) {
    texts.push(newerText);
    attributions.push({ author: "", date: "" });
  }
  texts.forEach((text, step) => {
    if (text === previous) return;
    const origins = stepOrigins(previous, text);
    const kept = new Uint8Array(previous.length);
    const next = new Int32Array(text.length);
    for (let j = 0; j < text.length; j++) {
      const from = origins[j] as number;
      if (from >= 0) {
        next[j] = sources[from] as number;
        kept[from] = 1;
      } else next[j] = -(step + 2);
    }
    for (let i = 0; i < previous.length; i++) {
      const source = sources[i] as number;
      if (!kept[i] && source >= 0 && deletedBy[source] === -1) deletedBy[source] = step;
    }
    sources = next;
    previous = text;
  });
  const insertedBy = sources.map((s) => (s < 0 ? -s - 2 : -1));
  const by = (step: number): ChangeAttribution | undefined => {
    const a = step >= 0 ? attributions[step] : undefined;
    return a?.author ? a : undefined;
  };

  let olderAt = 0;
  let newerAt = 0;
  const walk = (node: DocJSON): DocJSON => {
    if (node.type === "text") {
      const text = node.text ?? "";
      const change = inlineChange(node);
      if (!change) {
        olderAt += text.length;
        newerAt += text.length;
        return node;
      }
      const steps = change.kind === "insertion" ? insertedBy : deletedBy;
      const from = change.kind === "insertion" ? newerAt : olderAt;
      if (change.kind === "insertion") newerAt += text.length;
      else olderAt += text.length;
      return { type: "__split", content: split(node, change.kind, steps, from) };
    }
    if (!node.content) return node;
    const content: DocJSON[] = [];
    for (const child of node.content) {
      const out = walk(child);
      if (out.type === "__split") content.push(...(out.content ?? []));
      else content.push(out);
    }
    const out: DocJSON = { ...node, content: joinText(content) };
    const block = blockChange(node);
    if (block && CHANGEABLE_BLOCKS.includes(node.type)) {
      const first = firstChange(out, block.kind);
      if (first) out.attrs = { ...node.attrs, change: { kind: block.kind, ...first } };
    }
    return out;
  };
  const split = (node: DocJSON, kind: ChangeKind, stepsOf: Int32Array, from: number): DocJSON[] => {
    const text = node.text ?? "";
    const steps = Array.from(stepsOf.subarray(from, from + text.length), (s) => (by(s) ? s : -1));
    // Characters no step placed take the nearest placed neighbour's step.
    let last = -1;
    for (let k = 0; k < steps.length; k++) {
      if (steps[k] !== -1) last = steps[k] as number;
      else steps[k] = last;
    }
    last = -1;
    for (let k = steps.length - 1; k >= 0; k--) {
      if (steps[k] !== -1) last = steps[k] as number;
      else steps[k] = last;
    }
    const out: DocJSON[] = [];
    let k = 0;
    while (k < text.length) {
      let end = k + 1;
      while (end < text.length && steps[end] === steps[k]) end++;
      const a = by(steps[k] as number);
      out.push(
        a
          ? {
              ...node,
              text: text.slice(k, end),
              marks: (node.marks ?? []).map((m) =>
                m.type === kind ? { type: kind, attrs: { author: a.author, date: a.date } } : m,
              ),
            }
          : { ...node, text: text.slice(k, end) },
      );
      k = end;
    }
    return out;
  };

  const result = walk(compared);
  // The compared document must hold exactly the two texts; otherwise keep it as it was.
  if (olderAt !== olderText.length || newerAt !== newerText.length) return compared;
  return result;
}

function firstChange(node: DocJSON, kind: ChangeKind): ChangeAttribution | undefined {
  for (const child of node.content ?? []) {
    const change = inlineChange(child) ?? blockChange(child);
    if (change?.kind === kind) return { author: change.author, date: change.date };
    const inner = firstChange(child, kind);
    if (inner) return inner;
  }
  return undefined;
}
