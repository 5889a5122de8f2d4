import type { DocumentCount } from "@rapporteur/wordcount";
import { NodeSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor } from "@tiptap/react";
import {
  type KeyboardEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { SectionSession } from "../collab/SectionSession";
import type { LocalUser } from "../identity/LocalUser";
import { CitationPicker } from "./CitationPicker";
import { editorExtensions } from "./editorExtensions";
import { FootnoteView } from "./FootnoteView";
import { LinkDialog } from "./LinkDialog";
import type { LinkTarget } from "./LinkTarget";
import { reportNumbering } from "./reportNumbering";
import { Toolbar } from "./Toolbar";
import { useLocalWordCount } from "./useLocalWordCount";

/** Props of {@link SectionEditor}. */
export interface SectionEditorProps {
  session: SectionSession;
  user: LocalUser;
  sectionTitle: string;
  /** Not editable (reviewer, locked section): the text still updates live. */
  readOnly: boolean;
  /** Shown when someone types in the read-only editor (why they cannot). */
  readOnlyMessage?: string | null;
  onWordCount: (count: DocumentCount | null) => void;
}

/** The rich-text editor of one section, bound to the section's Yjs document. */
export function SectionEditor({
  session,
  user,
  sectionTitle,
  readOnly,
  readOnlyMessage,
  onWordCount,
}: SectionEditorProps) {
  const [link, setLink] = useState<LinkTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const showNotice = useRef((message: string) => setNotice(message));
  const requestLink = useRef<() => void>(() => {});
  const [citing, setCiting] = useState(false);

  // Built once per session: the caret's user is updated through awareness, not by rebuilding.
  const initialUser = useRef(user);
  const extensions = useMemo(
    () =>
      editorExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user: initialUser.current,
        onLinkRequest: () => requestLink.current(),
        onCiteRequest: () => setCiting(true),
        onNoteLinkRequest: (target) => setLink(target),
        onNotice: (message) => showNotice.current(message),
        numbering: {
          sectionId: session.sectionId,
          numbering: () => reportNumbering.view,
          subscribe: reportNumbering.subscribe,
        },
      }),
    [session],
  );
  const initialReadOnly = useRef(readOnly);
  const editor = useEditor(
    {
      extensions,
      editable: !initialReadOnly.current,
      editorProps: {
        attributes: {
          class: "report-text",
          "aria-label": `Text of the section “${sectionTitle}”`,
          "aria-multiline": "true",
          role: "textbox",
          spellcheck: "true",
          lang: "en",
          "aria-readonly": String(initialReadOnly.current),
        },
      },
    },
    [session],
  );

  requestLink.current = () => {
    if (!editor?.isEditable) return;
    const { selection } = editor.state;
    if (selection instanceof NodeSelection) {
      // Links go on text, not on a reference: a selected footnote's link goes in its note.
      if (selection.node.type.name === "footnote") {
        FootnoteView.forDom(editor.view.nodeDOM(selection.from))?.requestLink();
      }
      return;
    }
    setLink({
      href: (editor.getAttributes("link").href as string | undefined) ?? "",
      apply: (href) => {
        if (editor.state.selection.empty && !editor.isActive("link")) {
          editor
            .chain()
            .focus()
            .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
            .run();
        } else {
          editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
        }
      },
      remove: () => editor.chain().focus().extendMarkRange("link").unsetLink().run(),
      restoreFocus: () => editor.commands.focus(),
    });
  };

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);

  // A lock or a reopening while the section is open changes the editor in place.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly);
    editor.view.dom.setAttribute("aria-readonly", String(readOnly));
    if (readOnly) {
      setLink(null);
      setCiting(false);
    }
  }, [editor, readOnly]);

  const numbering = useSyncExternalStore(reportNumbering.subscribe, reportNumbering.getSnapshot);
  const count = useLocalWordCount(editor);
  useEffect(() => onWordCount(count), [count, onWordCount]);
  useEffect(() => () => onWordCount(null), [onWordCount]);

  // A notice fades after a while; a new one restarts the clock.
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 12_000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Typing in a read-only section says why nothing happens, and a space does not scroll the page.
  const onReadOnlyKey = (event: KeyboardEvent) => {
    if (!readOnly || event.ctrlKey || event.metaKey || event.altKey) return;
    if (
      event.key.length === 1 ||
      event.key === "Enter" ||
      event.key === "Backspace" ||
      event.key === "Delete"
    ) {
      event.preventDefault();
      if (readOnlyMessage) setNotice(readOnlyMessage);
    }
  };

  // Alt+F10 goes to the toolbar; Escape leaves the text (Tab is taken by lists and tables).
  const onNavigationKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!editor || event.defaultPrevented || event.target !== editor.view.dom) return;
    if (event.altKey && event.key === "F10") {
      event.preventDefault();
      const toolbar = event.currentTarget.parentElement?.querySelector('[role="toolbar"]');
      const tool =
        toolbar?.querySelector<HTMLElement>('button[tabindex="0"]:not(:disabled)') ??
        toolbar?.querySelector<HTMLElement>("button:not(:disabled)");
      tool?.focus();
    } else if (event.key === "Escape" && !event.ctrlKey && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.focus({ preventScroll: true });
    }
  };

  const closeLink = () => {
    link?.restoreFocus();
    setLink(null);
  };

  return (
    <>
      {editor ? (
        <Toolbar
          editor={editor}
          readOnly={readOnly}
          onLinkRequest={() => requestLink.current()}
          onCiteRequest={() => setCiting(true)}
          sectionId={session.sectionId}
          numbering={numbering}
          onNotice={setNotice}
        />
      ) : (
        <div className="toolbar toolbar--placeholder" />
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches typing in read-only text */}
      <div
        className={`editor-surface${readOnly ? " editor-surface--readonly" : ""}`}
        data-testid="editor"
        // Takes the focus when read-only text is clicked (so that typing there can be answered)
        // and when Escape leaves the text.
        tabIndex={-1}
        onKeyDown={(event) => {
          if (readOnly) onReadOnlyKey(event);
          onNavigationKey(event);
        }}
        onMouseDown={
          readOnly ? (event) => event.currentTarget.focus({ preventScroll: true }) : undefined
        }
      >
        <EditorContent editor={editor} />
      </div>
      {notice !== null && (
        <div className="editor-notice" role="status" data-testid="editor-notice">
          <span>{notice}</span>
          <button
            type="button"
            className="close-button"
            aria-label="Dismiss"
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      )}
      {citing && editor && (
        <CitationPicker
          onPick={(source, details) => {
            setCiting(false);
            editor.chain().focus().insertCitation(source.id, details).run();
          }}
          onClose={() => {
            setCiting(false);
            editor.commands.focus();
          }}
        />
      )}
      {link !== null && (
        <LinkDialog
          initialHref={link.href}
          place={link.place}
          onApply={(href) => {
            link.apply(href);
            closeLink();
          }}
          onRemove={
            link.href
              ? () => {
                  link.remove();
                  closeLink();
                }
              : undefined
          }
          onClose={closeLink}
        />
      )}
    </>
  );
}
