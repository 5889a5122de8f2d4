import { isReportLink } from "@rapporteur/schema";
import { type Editor, getMarkRange } from "@tiptap/core";
import { toggleMark } from "@tiptap/pm/commands";
import { keymap } from "@tiptap/pm/keymap";
import type { MarkType, Node as PMNode } from "@tiptap/pm/model";
import { EditorState, NodeSelection, TextSelection, type Transaction } from "@tiptap/pm/state";
import { StepMap } from "@tiptap/pm/transform";
import { type Decoration, EditorView, type NodeView } from "@tiptap/pm/view";
import type { LinkTarget } from "./LinkTarget";
import { shortcutLabel } from "./shortcutLabel";
import { positionOfYType, yTypeOfNode } from "./yNodeIdentity";

const views = new WeakMap<HTMLElement, FootnoteView>();

function numberFrom(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const value = (decoration.spec as { footnoteNumber?: unknown }).footnoteNumber;
    if (typeof value === "number") return value;
  }
  return null;
}

/** Path data of the popover's tool icons (as in icons.tsx, drawn without React). */
const TOOL_ICONS = {
  bold: ["M7 5h6a3.5 3.5 0 0 1 0 7H7z", "M7 12h7a3.5 3.5 0 0 1 0 7H7z"],
  italic: ["M19 4h-9", "M14 20H5", "M15 4 9 20"],
  link: [
    "M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71",
    "M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71",
  ],
} as const;

type ToolName = keyof typeof TOOL_ICONS;

function toolIcon(name: ToolName): SVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [key, value] of Object.entries({
    class: "icon",
    viewBox: "0 0 24 24",
    width: "16",
    height: "16",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "1.8",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
    "aria-hidden": "true",
    focusable: "false",
  })) {
    svg.setAttribute(key, value);
  }
  for (const d of TOOL_ICONS[name]) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  }
  return svg;
}

/** Whether `type` is on the selection (or, for a caret, on what will be typed). */
function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/**
 * Shows a footnote as its superscript number (computed in document order by the numbering
 * plugin, never stored) and, while selected, a popover with a small nested editor for the note's
 * text. Changes made there are passed to the main editor as steps, so they sync and undo like
 * any other edit (the pattern of ProseMirror's footnote example).
 */
export class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly numberEl: HTMLElement;
  private popover: HTMLElement | null = null;
  private inner: EditorView | null = null;
  private number: number | null;
  private tools: Partial<Record<ToolName, HTMLButtonElement>> = {};
  /** Set while the caret is sent back to the main text, so closing does not keep the focus. */
  private leaving = false;
  /** The Yjs element of this note, once synced: its identity, whatever its text. */
  private note: unknown = null;

  /** The view rendering a footnote's DOM node, if any (to focus it from a command). */
  static forDom(dom: globalThis.Node | null): FootnoteView | undefined {
    return dom instanceof HTMLElement ? views.get(dom) : undefined;
  }

  constructor(
    private node: PMNode,
    private readonly outer: EditorView,
    private readonly getPos: () => number | undefined,
    decorations: readonly Decoration[],
    private readonly editor: Editor,
    private readonly onLinkRequest: (target: LinkTarget) => void,
  ) {
    this.number = numberFrom(decorations);
    this.dom = document.createElement("span");
    this.dom.className = "footnote-ref";
    this.dom.setAttribute("data-footnote", "");
    this.numberEl = document.createElement("sup");
    this.numberEl.className = "footnote-ref__number";
    this.dom.appendChild(this.numberEl);
    // A click selects the note (ProseMirror) and then moves the caret into its text.
    this.numberEl.addEventListener("mouseup", () => {
      requestAnimationFrame(() => this.focusNote());
    });
    views.set(this.dom, this);
    this.render();
  }

  /** Puts the caret in the note's text: at `range` (clamped), else at the end. */
  focusNote(range?: { from: number; to: number }): void {
    if (!this.inner) return;
    const { state } = this.inner;
    const size = state.doc.content.size;
    const selection = range
      ? TextSelection.create(state.doc, Math.min(range.from, size), Math.min(range.to, size))
      : TextSelection.atEnd(state.doc);
    this.inner.dispatch(state.tr.setSelection(selection));
    this.inner.focus();
  }

  /**
   * Asks for a link on the selection in the note (Ctrl/Cmd-K or the popover's link button); the
   * dialog is the one of the body text. Returns false when the note cannot be changed.
   */
  requestLink(): boolean {
    const inner = this.inner;
    const link = this.outer.state.schema.marks.link;
    if (!inner || !link || !this.outer.editable) return false;
    const { selection } = inner.state;
    const current =
      link.isInSet(selection.$from.marks()) ??
      link.isInSet(selection.$to.marks()) ??
      (selection.empty ? undefined : link.isInSet(selection.$from.nodeAfter?.marks ?? []));
    const rangeOf = (state: EditorState) => {
      const { from, to, empty, $from } = state.selection;
      return empty ? (getMarkRange($from, link) ?? null) : { from, to };
    };
    this.onLinkRequest({
      href: typeof current?.attrs.href === "string" ? current.attrs.href : "",
      place: `footnote ${this.number ?? ""}`.trim(),
      apply: (href) => {
        const view = this.inner;
        // The dialog checked the address; a note keeps to the same rule as the body text.
        if (!view || !isReportLink(href)) return;
        const { state } = view;
        const mark = link.create({ href });
        const range = rangeOf(state);
        const tr = state.tr;
        let end = state.selection.from + href.length;
        if (range) {
          tr.removeMark(range.from, range.to, link).addMark(range.from, range.to, mark);
          end = range.to;
        } else {
          tr.insert(state.selection.from, state.schema.text(href, [mark]));
        }
        // Go on typing after the link, in plain text.
        tr.setSelection(TextSelection.create(tr.doc, end)).removeStoredMark(link);
        view.dispatch(tr);
      },
      remove: () => {
        const view = this.inner;
        const range = view && rangeOf(view.state);
        if (view && range) view.dispatch(view.state.tr.removeMark(range.from, range.to, link));
      },
      // After the dialog has closed (focus cannot go outside a modal dialog).
      restoreFocus: () => requestAnimationFrame(() => this.inner?.focus()),
    });
    return true;
  }

  selectNode(): void {
    this.dom.classList.add("is-selected");
    this.open();
    const storage = this.editor.storage.footnote;
    const refocus = storage.refocus;
    storage.refocus = null;
    if (refocus) {
      // The note was being typed in when its view was rebuilt or the selection moved (a
      // co-author's change): back to that note at once, so that no keystroke is lost.
      storage.focusNext = false;
      this.rememberNote();
      if (refocus.note && this.note && refocus.note !== this.note) {
        queueMicrotask(() => this.selectNote(refocus));
      } else {
        this.focusNote(refocus);
      }
    } else if (storage.focusNext) {
      storage.focusNext = false;
      // Once this update is done, before any co-author's change can come in and move things.
      queueMicrotask(() => this.focusNote());
    }
  }

  /** Selects the note held by `refocus.note` (found by identity) and gives it the caret. */
  private selectNote(refocus: { from: number; to: number; note: unknown }): void {
    const pos = positionOfYType(this.outer.state, refocus.note);
    if (pos === null) return;
    this.editor.storage.footnote.refocus = refocus;
    this.outer.dispatch(
      this.outer.state.tr.setSelection(NodeSelection.create(this.outer.state.doc, pos)),
    );
    this.editor.storage.footnote.refocus = null;
  }

  private rememberNote(): void {
    this.note = yTypeOfNode(this.outer.state, this.node) ?? this.note;
  }

  deselectNode(): void {
    this.dom.classList.remove("is-selected");
    this.close();
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (!node.sameMarkup(this.node)) return false;
    // Footnotes carry no id, so ProseMirror may offer this view another note (one a co-author
    // just inserted next to it). While the note is open, take only the same note (its Yjs
    // element) or, before it is synced, the text typed here; otherwise the view is rebuilt and
    // the popover reopens on the right note, caret kept.
    const note = yTypeOfNode(this.outer.state, node);
    if (this.inner) {
      if (note && this.note) {
        if (note !== this.note) return false;
      } else if (!node.content.eq(this.inner.state.doc.content)) {
        return false;
      }
    }
    this.node = node;
    if (note) this.note = note;
    this.number = numberFrom(decorations);
    this.render();
    if (this.inner) {
      // A co-author's change to this note's text.
      const state = this.inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      const ends = start == null ? null : node.content.findDiffEnd(state.doc.content);
      if (start != null && ends) {
        let { a: endA, b: endB } = ends;
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.inner.dispatch(
          state.tr.replace(start, endB, node.slice(start, endA)).setMeta("fromOutside", true),
        );
      }
    }
    return true;
  }

  stopEvent(event: Event): boolean {
    return (
      !!this.popover &&
      event.target instanceof globalThis.Node &&
      this.popover.contains(event.target)
    );
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.close();
    views.delete(this.dom);
  }

  private render(): void {
    const label = this.number === null ? "*" : String(this.number);
    this.numberEl.textContent = label;
    const text = this.node.textContent.trim();
    this.dom.title = text ? `Footnote ${label}: ${text}` : `Footnote ${label} (empty)`;
    this.dom.setAttribute("aria-label", this.dom.title);
    this.dom.classList.toggle("is-empty", text.length === 0);
    if (this.popover) {
      this.popover.classList.toggle("is-empty", this.node.content.size === 0);
      const heading = this.popover.querySelector(".footnote-popover__title");
      if (heading) heading.textContent = `Footnote ${label}`;
    }
  }

  private open(): void {
    if (this.popover) return;
    const popover = document.createElement("span");
    popover.className = "footnote-popover";
    popover.setAttribute("role", "group");
    popover.setAttribute("aria-label", "Footnote text");
    const title = document.createElement("span");
    title.className = "footnote-popover__title";
    const body = document.createElement("span");
    body.className = "footnote-popover__editor";
    const hint = document.createElement("span");
    hint.className = "footnote-popover__hint";
    hint.textContent = "Enter or Esc returns to the text";
    const schema = this.outer.state.schema;
    const head = document.createElement("span");
    head.className = "footnote-popover__head";
    const tools = document.createElement("span");
    tools.className = "footnote-popover__tools";
    tools.setAttribute("role", "toolbar");
    tools.setAttribute("aria-label", "Footnote formatting");
    const markTool = (name: "bold" | "italic", label: string, shortcut: string) => {
      const type = schema.marks[name];
      if (!type) return;
      tools.appendChild(
        this.tool(name, label, shortcut, () => {
          const view = this.inner;
          if (!view) return;
          toggleMark(type)(view.state, view.dispatch);
          view.focus();
        }),
      );
    };
    markTool("bold", "Bold", "Mod-b");
    markTool("italic", "Italic", "Mod-i");
    if (schema.marks.link) {
      tools.appendChild(this.tool("link", "Link", "Mod-k", () => this.requestLink()));
    }
    head.append(title, tools);
    popover.append(head, body, hint);
    popover.addEventListener("keydown", (event) => {
      // Escape on a popover button (the note's text has its own keymap).
      if (event.key !== "Escape" || this.inner?.dom.contains(event.target as globalThis.Node)) {
        return;
      }
      event.preventDefault();
      this.leaveNote();
    });
    this.dom.appendChild(popover);
    this.popover = popover;

    const leave = () => {
      this.leaveNote();
      return true;
    };
    const bindings: Record<
      string,
      (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean
    > = {
      "Mod-z": () => this.editor.commands.undo(),
      "Mod-y": () => this.editor.commands.redo(),
      "Shift-Mod-z": () => this.editor.commands.redo(),
      Escape: leave,
      Enter: leave,
      "Mod-k": () => this.requestLink(),
    };
    if (schema.marks.bold) bindings["Mod-b"] = toggleMark(schema.marks.bold);
    if (schema.marks.italic) bindings["Mod-i"] = toggleMark(schema.marks.italic);

    this.inner = new EditorView(body, {
      state: EditorState.create({ doc: this.node, plugins: [keymap(bindings)] }),
      dispatchTransaction: (tr) => this.dispatchInner(tr),
      // A read-only section (reviewer, locked) shows the note without letting it be changed.
      editable: () => this.outer.editable,
      attributes: { "aria-label": "Footnote text", spellcheck: "true" },
      handleDOMEvents: {
        mousedown: () => {
          // Let the nested editor take focus when the outer editor still has it.
          if (this.inner && this.outer.hasFocus()) this.inner.focus();
          return false;
        },
      },
    });
    this.render();
    this.syncTools();
    // A note just inserted is synced once this transaction is done.
    queueMicrotask(() => this.rememberNote());
  }

  private tool(name: ToolName, label: string, shortcut: string, run: () => void) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tool footnote-popover__tool";
    button.setAttribute("aria-label", label);
    button.setAttribute("aria-pressed", "false");
    button.setAttribute(
      "aria-keyshortcuts",
      shortcut.replace(/Mod/g, "Control").replace(/-/g, "+"),
    );
    button.title = `${label} (${shortcutLabel(shortcut)})`;
    button.appendChild(toolIcon(name));
    // Keep the note's selection: the button acts on it.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", run);
    this.tools[name] = button;
    return button;
  }

  /** Shows which marks are on the note's selection; disables the tools when read-only. */
  private syncTools(): void {
    const state = this.inner?.state;
    for (const [name, button] of Object.entries(this.tools)) {
      const type = this.outer.state.schema.marks[name];
      button.disabled = !this.outer.editable;
      button.setAttribute("aria-pressed", String(!!state && !!type && markActive(state, type)));
    }
  }

  private close(): void {
    // Closed while typing in the note (its view rebuilt by a co-author's change): the view
    // that shows the note next takes the caret back.
    if (this.inner?.hasFocus() && !this.leaving) {
      const { from, to } = this.inner.state.selection;
      const storage = this.editor.storage.footnote;
      storage.refocus = { from, to, note: this.note };
      queueMicrotask(() => {
        storage.refocus = null;
      });
    }
    this.inner?.destroy();
    this.inner = null;
    this.tools = {};
    this.popover?.remove();
    this.popover = null;
  }

  /** Puts the caret back in the main text, just after the footnote reference. */
  private leaveNote(): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    const after = pos + this.node.nodeSize;
    this.leaving = true;
    try {
      this.outer.dispatch(
        this.outer.state.tr.setSelection(TextSelection.create(this.outer.state.doc, after)),
      );
    } finally {
      this.leaving = false;
    }
    this.outer.focus();
  }

  private dispatchInner(tr: Transaction): void {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    this.syncTools();
    if (tr.getMeta("fromOutside") || !this.outer.editable) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const transaction of transactions) {
      for (const step of transaction.steps) {
        const mapped = step.map(offset);
        if (mapped) outerTr.step(mapped);
      }
    }
    if (outerTr.docChanged) {
      this.outer.dispatch(outerTr);
      this.rememberNote();
    }
  }
}
