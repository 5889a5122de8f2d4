import { type DocJSON, replaceYDocContent, schema, yDocToJSON } from "@rapporteur/schema";
import * as wordcount from "@rapporteur/wordcount";
import { EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import type { Benchmark, BenchResult, TargetCheck } from "./benchmark";
import { count, ms, ratio } from "./format";
import { generateSection } from "./generateSection";
import { type Summary, summarize } from "./stats";

const TARGET_MS = 1;
const TYPED = "and the gaps remain wide in rural areas ";

interface Sizes {
  words: number;
  warmup: number;
  keystrokes: number;
  /** Lengths of one string given to countWords, to show how its cost grows. */
  scaling: number[];
}
const FULL: Sizes = { words: 5000, warmup: 50, keystrokes: 500, scaling: [3000, 10_000, 30_000] };
const SMOKE: Sizes = { words: 500, warmup: 5, keystrokes: 20, scaling: [1000, 3000] };

/**
 * countWords on one string of `length` characters, against the same text cut into paragraphs of
 * about 600 characters and counted one by one (best of 3 each).
 */
function segmenterScaling(length: number): { whole: number; byBlock: number } {
  const sentence = "The information society has grown in every region since the summit. ";
  const text = sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
  const blocks: string[] = [];
  for (let i = 0; i < text.length; i += 600) blocks.push(text.slice(i, i + 600));
  const best = (work: () => void) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      work();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  return {
    whole: best(() => wordcount.countWords(text)),
    byBlock: best(() => {
      for (const block of blocks) wordcount.countWords(block);
    }),
  };
}

/** A position inside the text of the paragraph nearest the middle of the document. */
function middleOfParagraph(state: EditorState): number {
  let found = -1;
  const middle = state.doc.content.size / 2;
  state.doc.descendants((node, pos) => {
    if (found !== -1) return false;
    if (node.type.name === "paragraph" && pos >= middle && node.textContent.length > 10) {
      found = pos + 1 + Math.floor(node.content.size / 2);
      return false;
    }
    return true;
  });
  return found === -1 ? 1 : found;
}

/**
 * Types `keystrokes` characters one by one into the middle of a paragraph, running `recount` after
 * each (as the editor does on every transaction) and timing only the recount.
 */
function timeEditorRecount(
  doc: DocJSON,
  sizes: Sizes,
  recount: (state: EditorState) => number,
): { summary: Summary; words: number } {
  let state = EditorState.create({ doc: schema.nodeFromJSON(doc) });
  let position = middleOfParagraph(state);
  const samples: number[] = [];
  let words = 0;
  for (let i = 0; i < sizes.warmup + sizes.keystrokes; i++) {
    state = state.apply(state.tr.insertText(TYPED[i % TYPED.length] as string, position));
    position++;
    const start = performance.now();
    words = recount(state);
    const elapsed = performance.now() - start;
    if (i >= sizes.warmup) samples.push(elapsed);
  }
  return { summary: summarize(samples), words };
}

/**
 * The server's path: a one-character Yjs update arrives, is applied to the section's Y.Doc, and the
 * section is recounted from the Y.Doc's JSON (yDocToJSON, then `recount`).
 */
function timeServerRecount(
  doc: DocJSON,
  sizes: Sizes,
  recount: (json: DocJSON) => number,
): { summary: Summary; words: number } {
  const editor = new Y.Doc();
  replaceYDocContent(editor, doc);
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
  // Find a text node in the middle of the fragment to type into.
  const fragment = editor.getXmlFragment("default");
  let text: Y.XmlText | undefined;
  for (let i = Math.floor(fragment.length / 2); i < fragment.length && !text; i++) {
    const node = fragment.get(i);
    if (node instanceof Y.XmlElement && node.nodeName === "paragraph") {
      const first = node.get(0);
      if (first instanceof Y.XmlText) text = first;
    }
  }
  if (!text) throw new Error("no paragraph in the second half of the section to type into");
  const samples: number[] = [];
  let words = 0;
  let offset = Math.floor(text.length / 2);
  for (let i = 0; i < sizes.warmup + sizes.keystrokes; i++) {
    const before = Y.encodeStateVector(server);
    text.insert(offset++, TYPED[i % TYPED.length] as string);
    const update = Y.encodeStateAsUpdate(editor, before);
    const start = performance.now();
    Y.applyUpdate(server, update);
    words = recount(yDocToJSON(server));
    const elapsed = performance.now() - start;
    if (i >= sizes.warmup) samples.push(elapsed);
  }
  return { summary: summarize(samples), words };
}

/** Cost per keystroke of the live word count in a 5,000-word section. */
export const counting: Benchmark = {
  name: "counting",
  title: "Live word count: cost per keystroke",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    const { doc } = generateSection(sizes.words, 11);
    const initial = wordcount.countDocument(doc).words;
    log(`counting: ${initial}-word section, ${sizes.keystrokes} keystrokes`);

    const cases: { label: string; key: string; result: { summary: Summary; words: number } }[] = [
      {
        label: "editor as shipped (useLocalWordCount): getJSON + countDocument",
        key: "editorFull",
        result: timeEditorRecount(
          doc,
          sizes,
          (state) => wordcount.countDocument(state.doc.toJSON()).words,
        ),
      },
      {
        label: "editor, incremental: createDocumentCounter().countNode(doc)",
        key: "editorIncremental",
        result: (() => {
          const counter = wordcount.createDocumentCounter();
          return timeEditorRecount(doc, sizes, (state) => counter.countNode(state.doc).words);
        })(),
      },
      {
        label: "countDocument of the JSON alone (no serialisation)",
        key: "jsonFull",
        result: timeEditorRecount(doc, sizes, () => wordcount.countDocument(doc).words),
      },
      {
        label: "server as shipped (countYDoc): apply update + yDocToJSON + countDocument",
        key: "serverFull",
        result: timeServerRecount(doc, sizes, (json) => wordcount.countDocument(json).words),
      },
      {
        label: "server, incremental: apply update + yDocToJSON + counter.countJSON",
        key: "serverIncremental",
        result: (() => {
          const counter = wordcount.createDocumentCounter();
          return timeServerRecount(doc, sizes, (json) => counter.countJSON(json).words);
        })(),
      },
    ];
    const scaling = sizes.scaling.map((length) => ({ length, ...segmenterScaling(length) }));

    const figures: Record<string, number> = { sectionWords: initial };
    for (const s of scaling) {
      figures[`segmenter.${s.length}.wholeMs`] = s.whole;
      figures[`segmenter.${s.length}.byBlockMs`] = s.byBlock;
    }
    const rows: string[][] = [];
    for (const { label, key, result } of cases) {
      figures[`${key}.p50`] = result.summary.p50;
      figures[`${key}.p95`] = result.summary.p95;
      figures[`${key}.p99`] = result.summary.p99;
      figures[`${key}.words`] = result.words;
      rows.push([
        label,
        ms(result.summary.p50),
        ms(result.summary.p95),
        ms(result.summary.p99),
        ms(result.summary.max),
      ]);
    }
    const editor = cases[0]?.result.summary.p50 ?? Number.NaN;
    const scalingText = scaling
      .map(
        (s) =>
          `${count(s.length)} characters ${ms(s.whole)} ms in one string, ${ms(s.byBlock)} ms block by block`,
      )
      .join("; ");
    const incremental = figures["editorIncremental.p50"] as number;
    const targets: TargetCheck[] = [
      {
        target: `live count under ${TARGET_MS} ms per keystroke in a ${sizes.words}-word section (editor as shipped, p50)`,
        measured: `${ms(editor)} ms (incremental counter ${ms(incremental)} ms)`,
        pass: editor < TARGET_MS,
        miss:
          editor < TARGET_MS
            ? undefined
            : `over by ${ms(editor - TARGET_MS)} ms (${ratio(editor / TARGET_MS)} the target): the ` +
              "editor serialises and recounts the whole section on each change (countWords on " +
              `one string: ${scalingText}); the incremental counter, which recounts only the ` +
              `changed block, takes ${ms(incremental)} ms.`,
      },
    ];
    return {
      name: "counting",
      title: this.title,
      tables: [
        {
          title: `Word count per keystroke, ${initial}-word section (ms)`,
          columns: ["path", "p50", "p95", "p99", "max"],
          rows,
        },
        {
          title:
            "countWords on one string, against the same text in 600-character blocks (ms): how its cost grows",
          columns: ["characters", "one string", "block by block"],
          rows: scaling.map((s) => [count(s.length), ms(s.whole), ms(s.byBlock)]),
        },
      ],
      figures,
      targets,
      notes: [
        `${sizes.keystrokes} characters typed one by one (after ${sizes.warmup} warm-up) into a ` +
          "paragraph in the middle of a generated section (sub-headings, lists, bold and italic, " +
          "footnotes); each keystroke is a ProseMirror transaction (editor) or a one-character Yjs " +
          "update (server), and only the recount is timed.",
        `@rapporteur/wordcount exports ${Object.keys(wordcount).sort().join(", ")}. "As shipped" ` +
          "is what the editor (useLocalWordCount) and the server (countYDoc in WordCountExtension) " +
          "call today: a full recount; the incremental rows use createDocumentCounter, which keeps " +
          "each top-level block's count and recounts only the blocks that changed. The editor " +
          "throttles its recount to one per 250 ms and the server debounces its own to one per " +
          "200 ms, so not every keystroke pays it, but when one does the recount blocks the main " +
          "thread (editor) or the event loop that broadcasts (server) for the time shown.",
      ],
    };
  },
};
