import { fromHtml, fromPlainText, HtmlImportError } from "@rapporteur/html-import";
import { Extension } from "@tiptap/core";
import { Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/** Options of {@link SmartPaste}. */
export interface SmartPasteOptions {
  /** Tells the user what was not kept (or why nothing was pasted); never blocks. */
  onNotice: (message: string) => void;
}

const SINGLE_URL = /^\s*(https?:\/\/|mailto:)\S+\s*$/i;

function convert(html: string, text: string) {
  if (html.trim() !== "") return fromHtml(html, { appOrigin: window.location.origin });
  // A bare address is left to the link extension (it links the selection).
  if (text === "" || SINGLE_URL.test(text)) return undefined;
  return fromPlainText(text);
}

function paste(view: EditorView, event: ClipboardEvent, onNotice: (m: string) => void): boolean {
  const data = event.clipboardData;
  if (!data || !view.editable) return false;
  const html = data.getData("text/html");
  // Copied from a Rapporteur editor: ProseMirror's own slice is exact.
  if (html.includes("data-pm-slice")) return false;
  let result: ReturnType<typeof convert>;
  try {
    result = convert(html, data.getData("text/plain"));
  } catch (error) {
    if (!(error instanceof HtmlImportError)) throw error;
    onNotice(`Nothing was pasted: ${error.message}`);
    return true;
  }
  if (!result) return false;
  const content = view.state.schema.nodeFromJSON(result.doc).content;
  // Paragraphs at the ends join the text around the cursor; headings, lists and tables stay whole.
  const open = (name: string | undefined) => (name === "paragraph" ? 1 : 0);
  const slice = new Slice(
    content,
    open(content.firstChild?.type.name),
    open(content.lastChild?.type.name),
  );
  view.dispatch(
    view.state.tr
      .replaceSelection(slice)
      .scrollIntoView()
      .setMeta("paste", true)
      .setMeta("uiEvent", "paste"),
  );
  if (result.warnings.length > 0) {
    onNotice(`Pasted. Not kept: ${result.warnings.join(" ")}`);
  }
  return true;
}

/**
 * Paste that keeps what a report needs: HTML from Word, Google Docs, LibreOffice and web pages,
 * and plain text (PDFs, hard-wrapped files, Markdown), converted by the same converters as
 * import (`@rapporteur/html-import`), so footnotes become footnotes and lines join into
 * paragraphs. What was not kept is told through `onNotice`.
 */
export const SmartPaste = Extension.create<SmartPasteOptions>({
  name: "smartPaste",
  // Before the link extension's own paste handling.
  priority: 1000,
  addOptions() {
    return { onNotice: () => {} };
  },
  addProseMirrorPlugins() {
    const { onNotice } = this.options;
    return [
      new Plugin({
        key: new PluginKey("smartPaste"),
        props: { handlePaste: (view, event) => paste(view, event, onNotice) },
      }),
    ];
  },
});
