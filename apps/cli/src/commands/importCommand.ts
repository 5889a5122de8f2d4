import { resolve } from "node:path";
import { withoutAppLinks } from "@rapporteur/html-import";
import { fromMarkdown, MarkdownTooDeepError } from "@rapporteur/markdown";
import { replaceYDocContent } from "@rapporteur/schema";
import { countDocument } from "@rapporteur/wordcount";
import * as Y from "yjs";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import {
  appOrigins,
  ENVIRONMENT_HELP,
  openDatabase,
  openStore,
  reportOutline,
  resolveDataDir,
} from "../cliEnvironment";
import { defineCommand } from "../defineCommand";
import { importReviewFile, readReviewFile } from "../importReviewFile";
import { loadSectionDoc } from "../loadSectionDoc";
import { lockDataDir } from "../lockDataDir";
import { MAX_DOCX_BYTES, readDocxFile } from "../readDocxFile";
import { readHtmlOrTextFile } from "../readHtmlOrTextFile";
import { MAX_MARKDOWN_BYTES, readMarkdownFile } from "../readMarkdownFile";
import { requireSection } from "../requireSection";

const USAGE = `Usage: rapporteur import --section ID FILE.md|FILE.docx|FILE.html|FILE.txt
       rapporteur import --as-review [--section ID] FILE.docx

Replaces the content of section ID with a Markdown file (GitHub-flavoured: headings, paragraphs,
bold, italic, links, lists, block quotes, tables, footnotes), a Word .docx file (the same, with
Word footnotes and tracked changes accepted), a web page .html/.htm (the same, with Word's and
web pages' footnotes; scripts and styles dropped) or a plain text .txt file (lines of a paragraph
joined; Markdown written as text read as Markdown). What cannot be kept (raw HTML, images, code,
text boxes, ...) is listed as warnings. A Markdown file must be UTF-8 text of at most
${MAX_MARKDOWN_BYTES / 1024 / 1024} MiB, a Word file at most ${MAX_DOCX_BYTES / 1024 / 1024} MiB; a damaged, truncated or hostile Word
file (zip bomb) is refused. A refused file leaves the section unchanged. Refused while a running
server holds the data directory: import through the web app then.

With --as-review, a reviewed Word file comes back as review, not as text: each tracked
insertion, deletion and replacement becomes a suggestion and each Word comment (with its
replies) a comment thread, by its Word author and date, placed on the same words of the section
as it is now (found by text and context, even where it was edited since the export); what
cannot be placed is listed. The text itself is not changed. Without --section, the file is a
whole report (the review copy) and is split back into sections by their headings.

Options:
  --section ID   id of the outline section to fill (see content/outline.yaml)
  --as-review    import tracked changes and comments as suggestions and threads
  -h, --help     show this help

${ENVIRONMENT_HELP}`;

function markdownDoc(file: string) {
  try {
    return fromMarkdown(readMarkdownFile(file));
  } catch (error) {
    if (error instanceof MarkdownTooDeepError) {
      throw new CliError(`${file} cannot be imported: ${error.message}`);
    }
    throw error;
  }
}

/** `rapporteur import --section ID FILE`: fills a section from Markdown or Word. */
export const importCommand: Command = defineCommand({
  name: "import",
  summary:
    "fill a section from a Markdown, Word (.docx), web page (.html) or text (.txt) file; --as-review: a reviewed Word file as suggestions and comments",
  usage: USAGE,
  options: { section: { type: "string" }, "as-review": { type: "boolean" } },
  operands: true,
  async run({ values, positionals }, io) {
    const sectionId = values.section;
    if (values["as-review"]) return importAsReview(positionals, sectionId, io);
    if (!sectionId) throw new UsageError("import: --section ID is required.");
    if (positionals.length !== 1)
      throw new UsageError("import: give exactly one FILE.md, .docx, .html or .txt to import.");
    const file = resolve(io.cwd, positionals[0]!);

    const outline = await reportOutline(io);
    const section = requireSection(outline, sectionId, "import");

    // Everything that can fail on the input fails here, before the data directory is touched.
    const converted = /\.docx$/i.test(file)
      ? await readDocxFile(file)
      : /\.html?$/i.test(file)
        ? readHtmlOrTextFile(file, "html")
        : /\.txt$/i.test(file)
          ? readHtmlOrTextFile(file, "text")
          : markdownDoc(file);
    const { doc, removed } = withoutAppLinks(converted.doc, appOrigins(io));
    const warnings = [...converted.warnings];
    if (removed > 0) warnings.push(`${removed} link(s) to this app removed (their text is kept).`);
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);

    const dataDir = resolveDataDir(io);
    const lock = lockDataDir(dataDir, "import");
    try {
      const store = openStore(io, dataDir);
      try {
        const ydoc = await loadSectionDoc(store, section.id);
        const before = Y.encodeStateVector(ydoc);
        replaceYDocContent(ydoc, doc);
        // Shown in the section's history as an import (no account: the command line).
        await store.append(section.id, Y.encodeStateAsUpdate(ydoc, before), {
          userIds: [],
          at: Date.now(),
          kind: "import",
        });
        ydoc.destroy();
      } finally {
        await store.close();
      }
    } finally {
      lock.release();
    }

    const count = countDocument(doc);
    io.stdout(
      `Imported ${positionals[0]} into "${section.title}" (${section.id}): ${count.words} words, ` +
        `${count.footnoteWords} footnote words (budget ${section.budget})` +
        `${warnings.length > 0 ? `, ${warnings.length} warning(s)` : ""}.\n`,
    );
    return 0;
  },
});

async function importAsReview(
  positionals: string[],
  sectionId: string | undefined,
  io: Parameters<Command["run"]>[1],
): Promise<number> {
  if (positionals.length !== 1 || !/\.docx$/i.test(positionals[0]!)) {
    throw new UsageError("import --as-review: give exactly one reviewed Word file (.docx).");
  }
  const file = resolve(io.cwd, positionals[0]!);
  const outline = await reportOutline(io);
  const section = sectionId ? requireSection(outline, sectionId, "import") : undefined;
  const review = await readReviewFile(file);
  for (const warning of review.warnings) io.stderr(`warning: ${warning}\n`);
  const dataDir = resolveDataDir(io);
  const lock = lockDataDir(dataDir, "import");
  try {
    const store = openDatabase(dataDir, { mustExist: false });
    try {
      const result = await importReviewFile(store, outline, review, io, section?.id);
      io.stdout(
        `Imported the review of ${positionals[0]}: ${result.suggestions} suggestion(s), ` +
          `${result.comments} comment thread(s)` +
          `${result.unplaced.length > 0 ? `, ${result.unplaced.length} not placed (listed above)` : ""}.\n`,
      );
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
  return 0;
}
