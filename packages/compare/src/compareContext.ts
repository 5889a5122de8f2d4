import { type Attribution, DEFAULT_CHANGE_AUTHOR } from "./attribution";
import type { CompareOptions } from "./compareOptions";
import type { ChangeAttribution, ChangeKind } from "./trackedChange";

/** Settings of one comparison: who is credited with each change. */
export class CompareContext {
  private readonly attribution: Attribution;

  constructor(
    options: CompareOptions,
    readonly sectionId = options.sectionId,
  ) {
    this.attribution = options.attribution ?? {
      author: DEFAULT_CHANGE_AUTHOR,
      date: new Date().toISOString(),
    };
  }

  /** The author and date of one change. */
  attribute(kind: ChangeKind, text: string): ChangeAttribution {
    const a = this.attribution;
    const result =
      typeof a === "function"
        ? a({ kind, text, ...(this.sectionId !== undefined ? { sectionId: this.sectionId } : {}) })
        : a;
    return { author: result.author, date: result.date };
  }

  /** The same settings for another section. */
  forSection(sectionId: string): CompareContext {
    return new CompareContext({ attribution: this.attribution }, sectionId);
  }
}
