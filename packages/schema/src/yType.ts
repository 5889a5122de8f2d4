import type * as Y from "yjs";

/**
 * Any shared Yjs type (fragment, element, text, map...). Yjs types its event handlers per class,
 * so no narrower common type accepts them all.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyYType = Y.AbstractType<any>;
