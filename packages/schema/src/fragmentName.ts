/** Name of the `Y.XmlFragment` that holds a section's editor content in its Yjs document. */
export const FRAGMENT_NAME = "default";
