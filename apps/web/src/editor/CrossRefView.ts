import type { ReportNumberingView } from "@rapporteur/api";
import { CrossRef } from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView, NodeView } from "@tiptap/pm/view";
import { findReferenceTarget } from "./sectionTargets";

/** Where the editor's cross-references take their numbers from. */
export interface CrossRefOptions {
  /** The section being edited. */
  sectionId: string;
  /** The report's numbering as last loaded (null before it arrives). */
  numbering: () => ReportNumberingView | null;
  /** Calls the listener when a new numbering arrives; returns the function that stops it. */
  subscribe: (listener: () => void) => () => void;
}

/** No numbering known: the section's own targets numbered within it. */
export const UNNUMBERED: ReportNumberingView = { sections: [], targets: {} };

const KIND_NAMES: Record<string, string> = {
  paragraph: "Paragraph",
  section: "Section",
  table: "Table",
  box: "Box",
};

/**
 * Shows a cross-reference as the number the export prints for its target ("23" for paragraph
 * 23 of the report, "II.A" for a section, "1" for table 1), whichever section holds it, with
 * where it is as a tooltip; or as missing when the target is gone.
 */
export class CrossRefView implements NodeView {
  readonly dom: HTMLElement;
  /** The views of each editor, re-rendered when its document or the numbering changes. */
  static readonly open = new WeakMap<EditorView, Set<CrossRefView>>();

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly options: CrossRefOptions,
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

  /** Shows the target's number as the report now is. */
  render(): void {
    const { kind, target } = this.node.attrs as { kind: string; target: string };
    const loaded = this.options.numbering();
    // Until the report's numbering arrives (or while offline), this section's own targets are
    // numbered within it; others' are not known yet, which is not "missing".
    const numbering = loaded ?? UNNUMBERED;
    this.dom.dataset.kind = kind;
    const found = findReferenceTarget(
      this.view.state.doc,
      this.options.sectionId,
      numbering,
      kind,
      target,
    );
    if (!loaded && (!found || kind === "section")) {
      this.dom.classList.remove("is-missing");
      this.dom.textContent = "…";
      this.dom.title = "Numbering the report…";
      return;
    }
    this.dom.classList.toggle("is-missing", !found);
    this.dom.textContent = found ? found.number : "missing";
    if (!found) {
      this.dom.title = "The target of this reference is gone";
      return;
    }
    if (!loaded) {
      this.dom.title = `${KIND_NAMES[kind] ?? kind} ${found.number} of this section (the report's numbering is not loaded yet)`;
      return;
    }
    const section = numbering.sections.find((s) => s.id === found.section);
    this.dom.title =
      kind === "section"
        ? `Section ${found.number}: ${section?.title ?? ""}`
        : `${KIND_NAMES[kind] ?? kind} ${found.number}, in ${section?.label ? `section ${section.label} ` : ""}“${section?.title ?? ""}”`;
  }
}

/** The schema's cross-reference with the editor's view of it, kept up to date as text moves. */
export const CrossRefEditing = CrossRef.extend<CrossRefOptions>({
  addOptions() {
    return { sectionId: "", numbering: () => null, subscribe: () => () => {} };
  },
  addNodeView() {
    return ({ node, view }) => new CrossRefView(node, view, this.options);
  },
  addProseMirrorPlugins() {
    const options = this.options;
    const renderAll = (view: EditorView) => {
      for (const ref of CrossRefView.open.get(view) ?? []) ref.render();
    };
    return [
      new Plugin({
        view: (editorView) => {
          const stop = options.subscribe(() => renderAll(editorView));
          return {
            update(view, previous) {
              if (!view.state.doc.eq(previous.doc)) renderAll(view);
            },
            destroy: stop,
          };
        },
      }),
    ];
  },
});
