import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { reportExtensions } from "./extensions";

/** The ProseMirror schema of a section document, derived from {@link reportExtensions}. */
export const schema: Schema = getSchema(reportExtensions());
