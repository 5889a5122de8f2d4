import { createDocumentCounter, type DocumentCount } from "@rapporteur/wordcount";
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";

/** At most one count per this many milliseconds while typing; the last change is always counted. */
const RECOUNT_INTERVAL_MS = 250;

/**
 * Counts the open section as shown in the editor (same definition as the server), throttled.
 * Incremental: unchanged blocks keep their ProseMirror node, and their count (see
 * createDocumentCounter), so a keystroke recounts one block.
 */
export function useLocalWordCount(editor: Editor | null): DocumentCount | null {
  const [count, setCount] = useState<DocumentCount | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastCount = Number.NEGATIVE_INFINITY;
    const counter = createDocumentCounter();
    const recount = () => {
      timer = undefined;
      lastCount = performance.now();
      if (!editor.isDestroyed) setCount(counter.countNode(editor.state.doc));
    };
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = RECOUNT_INTERVAL_MS - (performance.now() - lastCount);
      // Count at once after a quiet spell (e.g. the document just arrived), else at the interval.
      if (wait <= 0) recount();
      else timer = setTimeout(recount, wait);
    };
    recount();
    // The first change (usually the document arriving from the server) is counted at once.
    lastCount = Number.NEGATIVE_INFINITY;
    editor.on("update", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor]);
  return count;
}
