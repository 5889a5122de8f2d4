import { Citation } from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration, NodeView } from "@tiptap/pm/view";
import { apiRequest } from "../api/apiRequest";
import { apiReportId } from "../api/apiUrl";
import { type CitationDetails, citationAttrs, citationName } from "./citationAttrs";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      /**
       * Inserts a citation of evidence source `sourceId` at the cursor, optionally of one of its
       * passages (`excerpt`) and with a locator ("p. 12").
       */
      insertCitation: (sourceId: number, details?: Partial<CitationDetails>) => ReturnType;
    };
  }
}

/** Options of {@link CitationEditing}. */
export interface CitationEditingOptions {
  /** Opens the citation picker (the dialog lives in React). */
  onRequest: () => void;
}

// One request per source and page: many citations of one source share it. Keyed by report too:
// each report has its own evidence library, whose source ids start at 1.
const titles = new Map<string, Promise<string | null>>();

function sourceTitle(id: number): Promise<string | null> {
  const key = `${apiReportId()}:${id}`;
  let title = titles.get(key);
  if (!title) {
    title = apiRequest("evidenceSource", { params: { id } }).then(
      (source) => source.title,
      () => null,
    );
    titles.set(key, title);
  }
  return title;
}

function numberFrom(decorations: readonly Decoration[]): number | null {
  for (const decoration of decorations) {
    const value = (decoration.spec as { footnoteNumber?: unknown }).footnoteNumber;
    if (typeof value === "number") return value;
  }
  return null;
}

/**
 * Shows a citation as a footnote mark numbered with the footnotes; its accessible name and
 * tooltip name the cited source's title (the footnote text itself is made on export).
 */
class CitationView implements NodeView {
  readonly dom: HTMLElement;
  private title: string | null = null;

  constructor(
    private node: PMNode,
    private decorations: readonly Decoration[],
  ) {
    this.dom = document.createElement("span");
    this.dom.className = "footnote-ref citation-ref";
    this.dom.contentEditable = "false";
    this.dom.setAttribute("role", "doc-noteref");
    this.dom.dataset.testid = "citation";
    this.render();
    const id = Number(node.attrs.sourceId);
    void sourceTitle(id).then((title) => {
      this.title = title;
      this.render();
    });
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type || node.attrs.sourceId !== this.node.attrs.sourceId) {
      return false;
    }
    this.node = node;
    this.decorations = decorations;
    this.render();
    return true;
  }

  private render(): void {
    const number = numberFrom(this.decorations);
    const id = Number(this.node.attrs.sourceId);
    const name = citationName(this.title ?? `source ${id}`, this.node.attrs.locator);
    let mark = this.dom.firstElementChild as HTMLElement | null;
    if (!mark) {
      mark = document.createElement("span");
      mark.className = "footnote-ref__number";
      mark.setAttribute("aria-hidden", "true");
      this.dom.appendChild(mark);
    }
    mark.textContent = number === null ? "*" : String(number);
    this.dom.setAttribute("aria-label", `Citation ${number ?? ""}: ${name}`.replace("  ", " "));
    this.dom.title = `Cites: ${name}`;
  }
}

/**
 * The schema's citation node in the editor: a numbered footnote mark naming its source,
 * `insertCitation`, and Ctrl/Cmd-Alt-C to open the citation picker.
 */
export const CitationEditing = Citation.extend<CitationEditingOptions>({
  addOptions() {
    return { onRequest: () => {} };
  },

  addCommands() {
    return {
      insertCitation:
        (sourceId, details) =>
        ({ commands }) =>
          commands.insertContent({ type: "citation", attrs: citationAttrs(sourceId, details) }),
    };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Alt-c": () => {
        if (!this.editor.isEditable) return false;
        this.options.onRequest();
        return true;
      },
    };
  },

  addNodeView() {
    return ({ node, decorations }) => new CitationView(node, decorations);
  },
});
