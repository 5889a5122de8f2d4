import { replaceYDocContent } from "@rapporteur/schema";
import { SqliteStore } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import * as Y from "yjs";
import { sampleReport } from "../export/sampleReport";
import { generateSection } from "./generateSection";

/** Options of {@link seedReport}. */
export interface SeedOptions {
  /** Words of each long section. */
  longWords: number;
  /** Words shared by the other sections (tests/export/sampleReport). */
  otherWords: number;
  /** Footnotes and tables spread over the other sections. */
  footnotes: number;
  tables: number;
  /** Sections given `longWords` generated words each. */
  longSections: string[];
  /** A section stored as a state plus this many one-character updates not yet compacted. */
  uncompacted?: { section: string; updates: number };
}

/** What {@link seedReport} wrote. */
export interface SeededReport {
  sections: number;
  totalWords: number;
  /** Sentinel word at the end of each long section, to tell that it has fully loaded. */
  lastWords: Record<string, string>;
}

/**
 * Writes a whole report into `dataDir` the way the server stores it: per section, a Yjs update of
 * the content appended to a SqliteStore (replaceYDocContent on a Y.Doc, then the doc's state).
 */
export async function seedReport(dataDir: string, options: SeedOptions): Promise<SeededReport> {
  const report = sampleReport({
    words: options.otherWords,
    footnotes: options.footnotes,
    tables: options.tables,
  });
  const store = SqliteStore.open(dataDir);
  const lastWords: Record<string, string> = {};
  let totalWords = 0;
  try {
    for (const [index, section] of report.sections.entries()) {
      let doc = section.doc;
      if (options.longSections.includes(section.id)) {
        const long = generateSection(options.longWords, index + 1);
        doc = long.doc;
        lastWords[section.id] = long.lastWord;
      }
      totalWords += countDocument(doc).words;
      const ydoc = new Y.Doc();
      replaceYDocContent(ydoc, doc);
      await store.append(section.id, Y.encodeStateAsUpdate(ydoc));
      if (options.uncompacted?.section === section.id) {
        // Keystrokes typed since the last compaction, each stored as its own update.
        const fragment = ydoc.getXmlFragment("default");
        const last = fragment.get(fragment.length - 1);
        const text = last instanceof Y.XmlElement ? last.get(0) : undefined;
        if (!(text instanceof Y.XmlText)) throw new Error(`no text at the end of ${section.id}`);
        const updates: Uint8Array[] = [];
        const collect = (update: Uint8Array) => updates.push(update);
        ydoc.on("update", collect);
        for (let i = 0; i < options.uncompacted.updates; i++) text.insert(0, "x");
        ydoc.off("update", collect);
        for (const update of updates) await store.append(section.id, update);
      }
    }
  } finally {
    await store.close();
  }
  return { sections: report.sections.length, totalWords, lastWords };
}
