import type { ReportNumberingView } from "@rapporteur/api";
import type { UnLanguage } from "@rapporteur/schema";
import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef } from "react";
import { apiRequest } from "../api/apiRequest";
import { type ReferenceCandidate, referenceCandidates, sectionBlocks } from "./BodyBlocks";
import { CrossRefPicker } from "./CrossRefPicker";
import { UNNUMBERED } from "./CrossRefView";
import { Icon, type IconName } from "./icons";
import { LanguageSelect } from "./LanguageSelect";
import { reportNumbering } from "./reportNumbering";
import { shortcutLabel } from "./shortcutLabel";

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  editor: Editor;
  /** Every tool is disabled (the section is read-only for this user). */
  readOnly: boolean;
  onLinkRequest: () => void;
  /** Opens the citation picker. */
  onCiteRequest: () => void;
  /** The section being edited. */
  sectionId: string;
  /** The report's numbering (null until loaded): the picker's numbers and its sections. */
  numbering: ReportNumberingView | null;
  /** Tells the user what went wrong (a reference the server could not anchor). */
  onNotice?: (message: string) => void;
}

interface ButtonProps {
  label: string;
  shortcut?: string;
  icon?: IconName;
  text?: string;
  active?: boolean;
  disabled?: boolean;
  onRun: () => void;
}

function ToolbarButton({ label, shortcut, icon, text, active, disabled, onRun }: ButtonProps) {
  const title = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className={`tool${active ? " is-active" : ""}${text ? " tool--text" : ""}`}
      aria-label={label}
      title={title}
      aria-pressed={active === undefined ? undefined : active}
      aria-keyshortcuts={shortcut?.replace(/Mod/g, "Control").replace(/-/g, "+")}
      disabled={disabled}
      // Keep the editor's selection: the button acts on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onRun}
    >
      {icon ? <Icon name={icon} /> : null}
      {text ? <span className="tool__text">{text}</span> : null}
    </button>
  );
}

function Group({
  label,
  contextual,
  children,
}: {
  label: string;
  contextual?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar's groups are role=group by ARIA pattern
    <div
      className={`toolbar__group${contextual ? " toolbar__group--contextual" : ""}`}
      role="group"
      aria-label={label}
    >
      {children}
    </div>
  );
}

/** Moves focus along the toolbar with the arrow keys (one tab stop for the whole toolbar). */
function useRovingFocus(onEscape: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    if (buttons.some((b) => b.tabIndex === 0 && !b.disabled)) return;
    // The tab stop is the first enabled tool: a disabled one would take the toolbar off the tab order.
    const first = buttons.find((b) => !b.disabled) ?? buttons[0];
    for (const button of buttons) button.tabIndex = button === first ? 0 : -1;
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onEscape();
      return;
    }
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const buttons = Array.from(
      ref.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [],
    );
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    event.preventDefault();
    const last = buttons.length - 1;
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? last
          : event.key === "ArrowLeft"
            ? (current + last) % buttons.length
            : (current + 1) % buttons.length;
    for (const button of buttons) button.tabIndex = -1;
    const target = buttons[next];
    if (target) {
      target.tabIndex = 0;
      target.focus();
    }
  };
  return { ref, onKeyDown };
}

/** Formatting toolbar for what a UN report uses; table tools appear inside a table. */
export function Toolbar({
  editor,
  readOnly,
  onLinkRequest,
  onCiteRequest,
  sectionId,
  numbering,
  onNotice,
}: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive("paragraph"),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      noteSelected: e.state.selection instanceof NodeSelection,
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      inTable: e.isActive("table"),
      table: e.getAttributes("table") as { title?: string; source?: string; note?: string },
      inBox: e.isActive("box"),
      boxTitle: String(e.getAttributes("box").title ?? ""),
      lang: (e.getAttributes("paragraph").lang ??
        e.getAttributes("heading").lang ??
        null) as UnLanguage | null,
      spanLang: (e.getAttributes("language").lang ?? null) as UnLanguage | null,
      hasTextSelection: !e.state.selection.empty && !(e.state.selection instanceof NodeSelection),
      canBox: e.can().insertBox(),
      // Kept current as the text changes (compared deeply, so typing re-renders only when it must).
      blocks: sectionBlocks(
        e.state.doc,
        numbering?.sections.find((s) => s.id === sectionId)?.frontMatter ?? false,
      ),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      canFootnote: e.can().insertFootnote(),
      canTable: e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      editable: e.isEditable,
    }),
  });
  const roving = useRovingFocus(() => editor.commands.focus());
  const chain = () => editor.chain().focus();
  const off = readOnly || !state.editable;
  // A block of another section first gets an anchor from the server (in its live document).
  const insertReference = async (candidate: ReferenceCandidate) => {
    const { other, kind } = candidate;
    if (!other || kind === "section") {
      chain().insertCrossRef(candidate).run();
      return;
    }
    const target =
      candidate.target ??
      (
        await apiRequest("anchorBlock", {
          params: { id: other.section },
          body: { target: { kind, index: other.index } },
        })
      ).anchor;
    reportNumbering.learn(target, { kind, number: other.number, section: other.section });
    chain()
      .insertCrossRef({ ...candidate, target })
      .run();
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-disabled={off || undefined}
      ref={roving.ref}
      onKeyDown={roving.onKeyDown}
    >
      <Group label="History">
        <ToolbarButton
          label="Undo"
          shortcut="Mod-z"
          icon="undo"
          disabled={off || !state.canUndo}
          onRun={() => chain().undo().run()}
        />
        <ToolbarButton
          label="Redo"
          shortcut="Mod-Shift-z"
          icon="redo"
          disabled={off || !state.canRedo}
          onRun={() => chain().redo().run()}
        />
      </Group>
      <Group label="Paragraph style">
        <ToolbarButton
          label="Body text"
          shortcut="Mod-Alt-0"
          text="Text"
          active={state.paragraph}
          disabled={off}
          onRun={() => chain().setParagraph().run()}
        />
        <ToolbarButton
          label="Sub-heading"
          shortcut="Mod-Alt-3"
          text="Heading"
          active={state.h3}
          disabled={off}
          onRun={() => chain().toggleHeading({ level: 3 }).run()}
        />
        <ToolbarButton
          label="Minor heading"
          shortcut="Mod-Alt-4"
          text="Minor"
          active={state.h4}
          disabled={off}
          onRun={() => chain().toggleHeading({ level: 4 }).run()}
        />
      </Group>
      <Group label="Language">
        <LanguageSelect
          label="Language of the paragraph"
          noneLabel="Language: auto"
          value={state.lang}
          disabled={off}
          onChoose={(lang) => chain().setBlockLanguage(lang).run()}
        />
        <LanguageSelect
          label="Language of the selected text"
          noneLabel="Text: no language"
          value={state.spanLang}
          disabled={off || !state.hasTextSelection}
          onChoose={(lang) => chain().setSpanLanguage(lang).run()}
        />
      </Group>
      <Group label="Emphasis">
        <ToolbarButton
          label="Bold"
          shortcut="Mod-b"
          icon="bold"
          active={state.bold}
          disabled={off}
          onRun={() => chain().toggleBold().run()}
        />
        <ToolbarButton
          label="Italic"
          shortcut="Mod-i"
          icon="italic"
          active={state.italic}
          disabled={off}
          onRun={() => chain().toggleItalic().run()}
        />
        <ToolbarButton
          label="Link"
          shortcut="Mod-k"
          icon="link"
          active={state.link}
          disabled={off || state.noteSelected}
          onRun={onLinkRequest}
        />
      </Group>
      <Group label="Lists and quotes">
        <ToolbarButton
          label="Bulleted list"
          shortcut="Mod-Shift-8"
          icon="bulletList"
          active={state.bulletList}
          disabled={off}
          onRun={() => chain().toggleBulletList().run()}
        />
        <ToolbarButton
          label="Numbered list"
          shortcut="Mod-Shift-7"
          icon="orderedList"
          active={state.orderedList}
          disabled={off}
          onRun={() => chain().toggleOrderedList().run()}
        />
        <ToolbarButton
          label="Block quote"
          shortcut="Mod-Shift-b"
          icon="quote"
          active={state.blockquote}
          disabled={off}
          onRun={() => chain().toggleBlockquote().run()}
        />
      </Group>
      <Group label="Insert">
        <ToolbarButton
          label="Insert table"
          icon="table"
          disabled={off || state.inTable || !state.canTable}
          onRun={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        />
        <ToolbarButton
          label="Put the selected paragraphs in a box"
          text="Box"
          disabled={off || state.inBox || !state.canBox}
          onRun={() => chain().insertBox().run()}
        />
        <CrossRefPicker
          candidates={referenceCandidates(state.blocks, numbering ?? UNNUMBERED, sectionId)}
          disabled={off}
          onInsert={(candidate) => {
            // Refused (the block is gone, or the session ended): nothing is inserted.
            insertReference(candidate).catch((error: unknown) => {
              onNotice?.(
                `The cross-reference was not inserted${error instanceof Error ? `: ${error.message}` : ""}`,
              );
            });
          }}
        />
        <ToolbarButton
          label="Insert footnote"
          shortcut="Mod-Alt-f"
          icon="footnote"
          disabled={off || !state.canFootnote}
          onRun={() => editor.commands.insertFootnote()}
        />
        <ToolbarButton
          label="Cite a source"
          shortcut="Mod-Alt-c"
          text="Cite"
          disabled={off || !state.canFootnote}
          onRun={onCiteRequest}
        />
      </Group>
      {state.inTable && (
        <Group label="Table" contextual>
          <span className="toolbar__context-label" aria-hidden="true">
            Table
          </span>
          {TABLE_CAPTIONS.map(([key, label]) => (
            <CaptionInput
              key={key}
              label={label}
              value={state.table[key] ?? ""}
              disabled={off}
              onChange={(value) => editor.commands.updateAttributes("table", { [key]: value })}
            />
          ))}
          <ToolbarButton
            label="Add row below"
            text="+ Row"
            disabled={off}
            onRun={() => chain().addRowAfter().run()}
          />
          <ToolbarButton
            label="Delete row"
            text="− Row"
            disabled={off}
            onRun={() => chain().deleteRow().run()}
          />
          <ToolbarButton
            label="Add column to the right"
            text="+ Column"
            disabled={off}
            onRun={() => chain().addColumnAfter().run()}
          />
          <ToolbarButton
            label="Delete column"
            text="− Column"
            disabled={off}
            onRun={() => chain().deleteColumn().run()}
          />
          <ToolbarButton
            label="Delete table"
            text="Delete table"
            disabled={off}
            onRun={() => chain().deleteTable().run()}
          />
        </Group>
      )}
      {state.inBox && (
        <Group label="Box" contextual>
          <span className="toolbar__context-label" aria-hidden="true">
            Box
          </span>
          <CaptionInput
            label="Box title"
            value={state.boxTitle}
            disabled={off}
            onChange={(title) => editor.commands.updateAttributes("box", { title })}
          />
          <ToolbarButton
            label="Unbox: take the paragraphs out of the box"
            text="Unbox"
            disabled={off}
            onRun={() => chain().lift("box").run()}
          />
        </Group>
      )}
    </div>
  );
}

const TABLE_CAPTIONS = [
  ["title", "Table title"],
  ["source", "Source"],
  ["note", "Note"],
] as const;

/** A caption field of the table or box at the cursor (title, source, note). */
function CaptionInput({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <input
      className="toolbar__caption"
      aria-label={label}
      placeholder={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
