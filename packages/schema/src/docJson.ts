/** A ProseMirror node as JSON, as produced by `Node.toJSON()` and Tiptap's `getJSON()`. */
export interface DocJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocJSON[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}
