import type { Editor } from "@tiptap/core";
import { toggleMark } from "@tiptap/pm/commands";
import { keymap } from "@tiptap/pm/keymap";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { StepMap } from "@tiptap/pm/transform";
import { type Decoration, EditorView, type NodeView } from "@tiptap/pm/view";

const views = new WeakMap<HTMLElement, FootnoteView>();

function numberFrom(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const value = (decoration.spec as { footnoteNumber?: unknown }).footnoteNumber;
    if (typeof value === "number") return value;
  }
  return null;
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

  /** Opens the note's popover and puts the caret at the end of its text. */
  focusNote(): void {
    if (!this.inner) return;
    const { state } = this.inner;
    this.inner.dispatch(state.tr.setSelection(TextSelection.atEnd(state.doc)));
    this.inner.focus();
  }

  selectNode(): void {
    this.dom.classList.add("is-selected");
    this.open();
    if (this.editor.storage.footnote.focusNext) {
      this.editor.storage.footnote.focusNext = false;
      requestAnimationFrame(() => this.focusNote());
    }
  }

  deselectNode(): void {
    this.dom.classList.remove("is-selected");
    this.close();
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.number = numberFrom(decorations);
    this.render();
    if (this.inner) {
      const state = this.inner.state;
      const start = node.content.findDiffStart(state.doc.content);
      if (start != null) {
        const ends = node.content.findDiffEnd(state.doc.content);
        if (ends) {
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
    popover.append(title, body, hint);
    this.dom.appendChild(popover);
    this.popover = popover;

    const schema = this.outer.state.schema;
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
  }

  private close(): void {
    this.inner?.destroy();
    this.inner = null;
    this.popover?.remove();
    this.popover = null;
  }

  /** Puts the caret back in the main text, just after the footnote reference. */
  private leaveNote(): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    const after = pos + this.node.nodeSize;
    this.outer.dispatch(
      this.outer.state.tr.setSelection(TextSelection.create(this.outer.state.doc, after)),
    );
    this.outer.focus();
  }

  private dispatchInner(tr: Transaction): void {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
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
    if (outerTr.docChanged) this.outer.dispatch(outerTr);
  }
}
