import { CrossRef } from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView, NodeView } from "@tiptap/pm/view";

/**
 * Shows a cross-reference as the current number of its target in this section ("para. 3",
 * "table 1"), with the target's text as a tooltip, or as missing when the target is gone. The
 * export numbers it through the whole report.
 */
export class CrossRefView implements NodeView {
  readonly dom: HTMLElement;
  /** The views of each editor, re-rendered when its document changes (numbers move). */
  static readonly open = new WeakMap<EditorView, Set<CrossRefView>>();

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
  ) {
    this.dom = document.createElement("span");
    this.dom.className = "cross-ref";
    this.dom.contentEditable = "false";
    this.render();
    const views = CrossRefView.open.get(view) ?? new Set();
    views.add(this);
    CrossRefView.open.set(view, views);
  }

  destroy(): void {
    CrossRefView.open.get(this.view)?.delete(this);
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  /** Shows the target's number as the document now is. */
  render(): void {
    const { kind, target } = this.node.attrs as { kind: string; target: string };
    const found = findTarget(this.view.state.doc, kind, target);
    this.dom.classList.toggle("is-missing", !found);
    this.dom.dataset.kind = kind;
    this.dom.textContent = found ? found.number : kind === "section" ? "section" : "missing";
    this.dom.title = found
      ? `${found.text} (number within this section; the export numbers through the report)`
      : kind === "section"
        ? "A section of the report: its number is set on export"
        : "The target of this reference is gone";
  }
}

/** The number within this section and the text of the block an anchor names. */
export function findTarget(
  doc: PMNode,
  kind: string,
  anchor: string,
): { number: string; text: string } | undefined {
  const counts: Record<string, number> = { paragraph: 0, table: 0, box: 0 };
  let found: { number: string; text: string } | undefined;
  doc.forEach((node) => {
    if (node.type.name === "paragraph" && node.content.size > 0) {
      counts.paragraph = (counts.paragraph ?? 0) + 1;
      if (kind === "paragraph" && node.attrs.anchor === anchor && !found) {
        found = { number: String(counts.paragraph), text: node.textContent };
      }
    }
  });
  doc.descendants((node) => {
    const name = node.type.name;
    if (name !== "table" && name !== "box") return true;
    counts[name] = (counts[name] ?? 0) + 1;
    if (kind === name && node.attrs.anchor === anchor && !found) {
      found = { number: String(counts[name]), text: String(node.attrs.title || node.textContent) };
    }
    return false;
  });
  return found;
}

/** The schema's cross-reference with the editor's view of it, kept up to date as text moves. */
export const CrossRefEditing = CrossRef.extend({
  addNodeView() {
    return ({ node, view }) => new CrossRefView(node, view);
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        view: () => ({
          update(view, previous) {
            if (view.state.doc.eq(previous.doc)) return;
            for (const ref of CrossRefView.open.get(view) ?? []) ref.render();
          },
        }),
      }),
    ];
  },
});
