import { FRAGMENT_NAME, reportExtensions } from "@rapporteur/schema";
import type { AnyExtension } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CommentHighlights } from "../comments/CommentHighlights";
import type { LocalUser } from "../identity/LocalUser";
import { BodyBlocks } from "./BodyBlocks";
import { CitationEditing } from "./CitationEditing";
import { CrossRefEditing, type CrossRefOptions } from "./CrossRefView";
import { EmptySectionHint } from "./EmptySectionHint";
import { FootnoteEditing } from "./FootnoteEditing";
import { LinkShortcut } from "./LinkShortcut";
import type { LinkTarget } from "./LinkTarget";
import { renderCaret } from "./renderCaret";
import { SmartPaste } from "./SmartPaste";

/** What the editor of one section is bound to. */
export interface EditorBinding {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: LocalUser;
  onLinkRequest: () => void;
  /** Opens the citation picker (Ctrl/Cmd-Alt-C). */
  onCiteRequest: () => void;
  /** Opens the link dialog for the selection in a footnote's text. */
  onNoteLinkRequest: (target: LinkTarget) => void;
  /** Tells the user what a paste did not keep. */
  onNotice: (message: string) => void;
  /** Where cross-references take the numbers the export prints from. */
  numbering: CrossRefOptions;
}

/**
 * The report schema's extensions (the same document model as the server and exporters) plus the
 * editor-only behaviour: Yjs binding and undo, other people's carets, footnote editing, Ctrl-K,
 * highlights of commented text, paste from Word, the web and PDFs.
 */
export function editorExtensions({
  ydoc,
  provider,
  user,
  onLinkRequest,
  onCiteRequest,
  onNoteLinkRequest,
  onNotice,
  numbering,
}: EditorBinding): AnyExtension[] {
  return [
    ...reportExtensions().filter(
      (e) => e.name !== "footnote" && e.name !== "crossRef" && e.name !== "citation",
    ),
    CitationEditing.configure({ onRequest: onCiteRequest }),
    FootnoteEditing.configure({ onLinkRequest: onNoteLinkRequest }),
    CrossRefEditing.configure(numbering),
    BodyBlocks,
    Collaboration.configure({ document: ydoc, field: FRAGMENT_NAME }),
    CollaborationCaret.configure({ provider, user, render: renderCaret }),
    LinkShortcut.configure({ onRequest: onLinkRequest }),
    EmptySectionHint,
    CommentHighlights,
    SmartPaste.configure({ onNotice }),
  ];
}
