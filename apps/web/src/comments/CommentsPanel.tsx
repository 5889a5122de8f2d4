import type { CommentAnchor } from "@rapporteur/api";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { SectionSession } from "../collab/SectionSession";
import { announce } from "../layout/announce";
import { scrollBehavior } from "../layout/scrollBehavior";
import { anchorOfRange } from "./anchorPositions";
import { COMMENT_ACTIVATE_EVENT, isHighlightKnown, threadRanges } from "./CommentHighlights";
import { CommentIcon } from "./CommentIcon";
import { useCommentEditor } from "./commentEditors";
import { subscribeToComments } from "./commentEvents";
import { commentsApi } from "./commentsApi";
import { NewCommentForm } from "./NewCommentForm";
import { ThreadCard } from "./ThreadCard";
import { useSectionComments } from "./useSectionComments";
import "./comments.css";

/** Props of {@link CommentsPanel}. */
export interface CommentsPanelProps {
  session: SectionSession;
  sectionId: string;
  /** The signed-in user's id. */
  userId: number;
  /** Whether this user may accept or reject suggestions (they may edit the section's text). */
  canDecide: boolean;
}

/** Whether a key press is the comment shortcut, Ctrl-Alt-M (Cmd-Option-M on a Mac). */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM";
}

/** Selects a thread's range in the editor and scrolls it into view. */
function selectRange(editor: Editor, range: { from: number; to: number }): void {
  if (editor.isEditable) {
    editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(range).run();
  } else {
    // A read-only editor shows the browser's selection: set it on the text itself.
    editor.commands.setTextSelection(range);
    try {
      const start = editor.view.domAtPos(range.from);
      const end = editor.view.domAtPos(range.to);
      window.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    } catch {
      // The range is outside the rendered text: the highlight still shows it.
    }
  }
  const { node } = editor.view.domAtPos(range.from);
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  element?.scrollIntoView({ block: "center", behavior: scrollBehavior() });
}

/**
 * The comments beside a section's text: its threads in document order with their replies, a
 * form for commenting on the selected text (button or Ctrl-Alt-M, for reviewers too), and the
 * link between highlights and threads both ways. Live: others' comments appear as they are made.
 */
export function CommentsPanel({ session, sectionId, userId, canDecide }: CommentsPanelProps) {
  const editor = useCommentEditor(session.ydoc);
  const { hasSynced } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { threads, error, upsert, remove } = useSectionComments(sectionId);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ anchor: CommentAnchor; quote: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const editorView = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return null;
      const ranges = threadRanges(current.state);
      const { from, to } = current.state.selection;
      return {
        // Changes when a thread moves or appears: the panel re-sorts.
        places: [...ranges].map(([id, range]) => `${id}@${range.from}`).join(","),
        hasSelection: to > from && current.state.doc.textBetween(from, to, " ").trim() !== "",
      };
    },
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed || !threads) return;
    editor.commands.setCommentThreads(
      threads.map((t) => ({ id: t.id, anchor: t.anchor, resolved: t.state === "resolved" })),
    );
  }, [editor, threads]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setActiveComment(activeId);
  }, [editor, activeId]);

  const ordered = useMemo(() => {
    void editorView?.places;
    const ranges = editor ? threadRanges(editor.state) : new Map<number, { from: number }>();
    return (threads ?? [])
      .map((thread, index) => ({ thread, index, range: ranges.get(thread.id) }))
      .sort(
        (a, b) =>
          (a.range?.from ?? Number.POSITIVE_INFINITY) -
            (b.range?.from ?? Number.POSITIVE_INFINITY) || a.index - b.index,
      );
  }, [threads, editor, editorView?.places]);

  // Someone else's new comment or suggestion is said aloud; a burst of them, once.
  const known = useRef(new Set<number>());
  useEffect(() => {
    for (const thread of threads ?? []) known.current.add(thread.id);
  }, [threads]);
  useEffect(() => {
    let arrived = 0;
    let since = 0;
    return subscribeToComments((event) => {
      const thread = event.thread;
      if (event.sectionId !== sectionId || !thread || known.current.has(thread.id)) return;
      known.current.add(thread.id);
      if (thread.authorId === userId) return;
      if (Date.now() - since > 5000) {
        arrived = 0;
        since = Date.now();
      }
      arrived += 1;
      const what = thread.suggestion ? "suggestion" : "comment";
      const last = `New ${what} by ${thread.authorName} on “${thread.quote}”.`;
      announce(arrived === 1 ? last : `${arrived} new comments; the last: ${last}`, "comments");
    });
  }, [sectionId, userId]);

  const startComment = useCallback(() => {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    const quote = editor.state.doc.textBetween(from, to, " ", " ").trim();
    const anchor = to > from ? anchorOfRange(editor.state, from, to) : null;
    if (!anchor || quote === "") {
      setNotice("Select some text of the section to comment on it.");
      return;
    }
    setNotice(null);
    returnFocus.current = document.activeElement as HTMLElement | null;
    setDraft({ anchor, quote });
  }, [editor]);

  // The form closed (comment added or cancelled): the focus goes back where it was, the text.
  const closeDraft = () => {
    setDraft(null);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
    else editor?.commands.focus(undefined, { scrollIntoView: false });
  };

  const shortcut = useRef(startComment);
  shortcut.current = startComment;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      shortcut.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // A click on highlighted text opens its thread in the panel.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const onActivate = (event: Event) => {
      const id = (event as CustomEvent<number>).detail;
      setActiveId(id);
      requestAnimationFrame(() => {
        list.current
          ?.querySelector(`[data-thread-id="${id}"]`)
          ?.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
      });
    };
    dom.addEventListener(COMMENT_ACTIVATE_EVENT, onActivate);
    return () => dom.removeEventListener(COMMENT_ACTIVATE_EVENT, onActivate);
  }, [editor]);

  const activate = (threadId: number) => {
    setActiveId(threadId);
    const range = editor ? threadRanges(editor.state).get(threadId) : undefined;
    if (editor && range) selectRange(editor, range);
  };

  // A link from the Review page (`#comment-12`) opens that thread once it is placed.
  const linked = useRef(false);
  useEffect(() => {
    if (linked.current || !threads || !editorView?.places) return;
    const match = /^#comment-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    const id = Number(match[1]);
    if (!threads.some((t) => t.id === id)) return;
    linked.current = true;
    setActiveId(id);
    const range = editor ? threadRanges(editor.state).get(id) : undefined;
    if (editor && range) selectRange(editor, range);
  }, [threads, editor, editorView?.places]);

  const open = threads?.filter((t) => t.state === "open").length ?? 0;

  return (
    <section className="panel comments-panel" aria-labelledby="panel-comments">
      <div className="comments-panel__head">
        <h2 id="panel-comments" className="panel__title">
          Comments{" "}
          <span className="panel__count" data-testid="open-comment-count">
            {open}
          </span>
        </h2>
        <button
          type="button"
          className="button button--small"
          data-testid="comment-button"
          disabled={!editorView?.hasSelection}
          title="Comment on the selected text (Ctrl+Alt+M)"
          aria-keyshortcuts="Control+Alt+M"
          onMouseDown={(event) => event.preventDefault()}
          onClick={startComment}
        >
          <CommentIcon size={14} />
          Comment
        </button>
      </div>
      {notice && !draft && <p className="comments-panel__hint">{notice}</p>}
      {error && (
        <p className="comment-form__error" role="alert">
          Comments could not be loaded: {error}
        </p>
      )}
      <div className="comments-panel__list" ref={list} data-testid="comments-panel">
        {draft && (
          <NewCommentForm
            key={JSON.stringify(draft.anchor)}
            quote={draft.quote}
            onCancel={closeDraft}
            onSubmit={async (text, replacement) => {
              const thread = await commentsApi.create(sectionId, {
                anchor: draft.anchor,
                text,
                ...(replacement === null ? {} : { suggestion: { replacement } }),
              });
              upsert(thread);
              closeDraft();
              setActiveId(thread.id);
            }}
          />
        )}
        {threads && threads.length === 0 && !draft && (
          <p className="comments-panel__hint">
            No comments yet. Select text and choose Comment (Ctrl+Alt+M).
          </p>
        )}
        {ordered.map(({ thread, range }) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            userId={userId}
            canDecide={canDecide}
            active={thread.id === activeId}
            detached={
              thread.detached ||
              (hasSynced && editor !== null && !range && isHighlightKnown(editor.state, thread.id))
            }
            onActivate={() => activate(thread.id)}
            onChanged={upsert}
            onDeleted={() => {
              remove(thread.id);
              if (activeId === thread.id) setActiveId(null);
            }}
          />
        ))}
      </div>
    </section>
  );
}
