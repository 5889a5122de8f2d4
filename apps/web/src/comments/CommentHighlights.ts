import type { CommentAnchor } from "@rapporteur/api";
import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { rangeOfAnchor } from "./anchorPositions";
import { registerCommentEditor, unregisterCommentEditor } from "./commentEditors";

/** What the highlights need of a thread. */
export interface HighlightedThread {
  id: number;
  anchor: CommentAnchor;
  resolved: boolean;
}

interface HighlightState {
  threads: readonly HighlightedThread[];
  activeId: number | null;
  /** Ranges of the threads now, by id (unplaceable threads are absent). */
  ranges: ReadonlyMap<number, { from: number; to: number }>;
  decorations: DecorationSet;
}

type HighlightMeta = { threads?: readonly HighlightedThread[]; activeId?: number | null };

/** Key of the highlight plugin: its state holds the current range of every thread. */
export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

function build(
  state: EditorState,
  threads: readonly HighlightedThread[],
  activeId: number | null,
): HighlightState {
  const ranges = new Map<number, { from: number; to: number }>();
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = rangeOfAnchor(state, thread.anchor);
    if (!range) continue;
    ranges.set(thread.id, range);
    const active = thread.id === activeId;
    // Resolved threads are not highlighted unless someone opens them from the panel.
    if (thread.resolved && !active) continue;
    const classes = ["comment-highlight"];
    if (active) classes.push("is-active");
    if (thread.resolved) classes.push("is-resolved");
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: classes.join(" "), "data-thread-id": String(thread.id) },
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return { threads, activeId, ranges, decorations: DecorationSet.create(state.doc, decorations) };
}

/** The thread ranges the editor shows now, by thread id. */
export function threadRanges(
  state: EditorState,
): ReadonlyMap<number, { from: number; to: number }> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

/** Whether the highlights know of a thread (it was given to them with `setCommentThreads`). */
export function isHighlightKnown(state: EditorState, threadId: number): boolean {
  return commentHighlightsKey.getState(state)?.threads.some((t) => t.id === threadId) ?? false;
}

/** DOM event fired on the editor's element when commented text is clicked (detail: thread id). */
export const COMMENT_ACTIVATE_EVENT = "rapporteur:comment-activate";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Replaces the threads whose ranges are highlighted. */
      setCommentThreads: (threads: readonly HighlightedThread[]) => ReturnType;
      /** Emphasises one thread's range (null: none). */
      setActiveComment: (threadId: number | null) => ReturnType;
    };
  }
}

/**
 * Highlights the commented ranges of a section. Each thread's anchor (Yjs relative positions) is
 * mapped to editor positions again whenever the text changes through Yjs (another user's edit,
 * or the binding's own sync), so highlights follow their words; local typing maps them along.
 * Clicking highlighted text fires {@link COMMENT_ACTIVATE_EVENT} with the innermost thread there.
 */
export const CommentHighlights = Extension.create({
  name: "commentHighlights",

  onCreate() {
    const sync = ySyncPluginKey.getState(this.editor.state) as { doc?: Y.Doc } | undefined;
    if (sync?.doc) registerCommentEditor(sync.doc, this.editor);
  },

  onDestroy() {
    const sync = ySyncPluginKey.getState(this.editor.state) as { doc?: Y.Doc } | undefined;
    if (sync?.doc) unregisterCommentEditor(sync.doc, this.editor);
  },

  addCommands() {
    return {
      setCommentThreads:
        (threads) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { threads } satisfies HighlightMeta);
          tr.setMeta("addToHistory", false);
          return true;
        },
      setActiveComment:
        (activeId) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { activeId } satisfies HighlightMeta);
          tr.setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => build(state, [], null),
          apply(tr, previous, _oldState, newState) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const sync = ySyncPluginKey.getState(newState) as
              | { isChangeOrigin?: boolean }
              | undefined;
            if (meta || sync?.isChangeOrigin) {
              return build(
                newState,
                meta?.threads ?? previous.threads,
                meta && "activeId" in meta ? (meta.activeId ?? null) : previous.activeId,
              );
            }
            if (!tr.docChanged) return previous;
            // A local edit: Yjs learns of it only after this transaction, so map along.
            const ranges = new Map<number, { from: number; to: number }>();
            for (const [id, range] of previous.ranges) {
              const from = tr.mapping.map(range.from, 1);
              const to = tr.mapping.map(range.to, -1);
              if (to > from) ranges.set(id, { from, to });
            }
            return {
              ...previous,
              ranges,
              decorations: previous.decorations.map(tr.mapping, tr.doc),
            };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = commentHighlightsKey.getState(view.state);
            if (!state) return false;
            let best: { id: number; size: number } | null = null;
            for (const thread of state.threads) {
              const range = state.ranges.get(thread.id);
              if (!range || pos < range.from || pos > range.to) continue;
              if (thread.resolved && thread.id !== state.activeId) continue;
              const size = range.to - range.from;
              if (!best || size < best.size) best = { id: thread.id, size };
            }
            if (best) {
              view.dom.dispatchEvent(
                new CustomEvent(COMMENT_ACTIVATE_EVENT, { detail: best.id, bubbles: true }),
              );
            }
            // The click still places the caret or starts a selection.
            return false;
          },
        },
      }),
    ];
  },
});
