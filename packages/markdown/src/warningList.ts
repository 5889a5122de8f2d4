import type { Node } from "mdast";

/** How many warnings are listed before the rest are summarised in one line. */
const MAX_LISTED = 200;

/**
 * Warnings about Markdown that could not be kept, each naming what and where ("Line 4: ..."),
 * capped so that hostile input cannot produce an unbounded list.
 */
export class WarningList {
  private readonly messages: string[] = [];
  private omitted = 0;

  /** Adds a warning about `node` (its line is taken from its position, when known). */
  add(node: Node | undefined, message: string): void {
    if (this.messages.length >= MAX_LISTED) {
      this.omitted++;
      return;
    }
    const line = node?.position?.start.line;
    this.messages.push(line === undefined ? message : `Line ${line}: ${message}`);
  }

  /** The warnings, in the order they were found. */
  list(): string[] {
    if (this.omitted === 0) return [...this.messages];
    return [...this.messages, `... and ${this.omitted} more warnings.`];
  }
}
