import { reportExtensions } from "@rapporteur/schema";
import { EditorContent, useEditor } from "@tiptap/react";

/** Props of {@link HistoryPreview}. */
export interface HistoryPreviewProps {
  /** ProseMirror JSON of the point shown. */
  doc: unknown;
  label: string;
}

/** A read-only editor showing a section as it was at a history point. */
export function HistoryPreview({ doc, label }: HistoryPreviewProps) {
  const editor = useEditor(
    {
      extensions: reportExtensions(),
      content: doc as Record<string, unknown>,
      editable: false,
      editorProps: {
        attributes: {
          class: "report-text",
          "aria-label": label,
          "aria-readonly": "true",
          role: "textbox",
          lang: "en",
        },
      },
    },
    [doc],
  );
  return (
    <div className="editor-surface editor-surface--readonly history-preview__text">
      <EditorContent editor={editor} />
    </div>
  );
}
