/** Block quotes and lists nested deeper than this are refused (flattened from MAX_CONTAINER_NESTING on). */
export const MAX_IMPORT_NESTING = 32;

/** Any node nested deeper than this (links in emphasis in quotes...) is refused. */
export const MAX_IMPORT_TREE_DEPTH = 256;

/**
 * A Markdown file nested deeper than a section can hold (see checkNesting): refused before
 * conversion, so that no converter recurses that deep. `id` is the API's error id.
 */
export class MarkdownTooDeepError extends Error {
  override name = "MarkdownTooDeepError";
  readonly id = "import_too_deep";
  constructor(
    /** Depth found in the file. */
    readonly depth: number,
    /** Largest depth supported. */
    readonly limit: number,
    what: string,
  ) {
    super(`The file nests ${what} ${depth} levels deep; at most ${limit} are supported`);
  }
}
