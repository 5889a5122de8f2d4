import { resolve } from "node:path";
import { fromMarkdown } from "@rapporteur/markdown";
import { findSection } from "@rapporteur/outline";
import { replaceYDocContent } from "@rapporteur/schema";
import { acquireDataLock, DataLockedError } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import * as Y from "yjs";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, loadCliOutline, openStore, resolveDataDir } from "../cliEnvironment";
import { loadSectionDoc } from "../loadSectionDoc";
import { parseCommandArgs } from "../parseCommandArgs";
import { MAX_MARKDOWN_BYTES, readMarkdownFile } from "../readMarkdownFile";

const USAGE = `Usage: rapporteur import --section ID FILE.md

Replaces the content of section ID with the Markdown file FILE.md (GitHub-flavoured: headings,
paragraphs, bold, italic, links, lists, block quotes, tables, footnotes). What cannot be kept
(raw HTML, images, code, ...) is listed as warnings. The file must be UTF-8 text of at most
${MAX_MARKDOWN_BYTES / 1024 / 1024} MiB. Refused while a running server holds the data directory:
import through the web app then.

Options:
  --section ID   id of the outline section to fill (see content/outline.yaml)
  -h, --help     show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur import --section ID FILE.md`: fills a section from Markdown. */
export const importCommand: Command = {
  summary: "fill a section from a Markdown file",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { section: { type: "string" } },
      "import",
    );
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const sectionId = values.section;
    if (!sectionId) throw new UsageError("import: --section ID is required.");
    if (positionals.length !== 1)
      throw new UsageError("import: give exactly one FILE.md to import.");
    const file = resolve(io.cwd, positionals[0]!);
    if (/\.docx$/i.test(file)) {
      throw new CliError(
        "import: Word (.docx) files cannot be imported from the command line yet; use Markdown.",
      );
    }

    const outline = loadCliOutline(io);
    const section = findSection(outline, sectionId);
    if (!section) {
      const valid = outline.sections.map((s) => `  ${s.id}  (${s.title})`).join("\n");
      throw new CliError(`import: unknown section '${sectionId}'. Valid section ids:\n${valid}`);
    }

    // Everything that can fail on the input fails here, before the data directory is touched.
    const { doc, warnings } = fromMarkdown(readMarkdownFile(file));
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);

    const dataDir = resolveDataDir(io);
    let lock: ReturnType<typeof acquireDataLock>;
    try {
      lock = acquireDataLock(dataDir, "cli");
    } catch (error) {
      if (error instanceof DataLockedError) throw new CliError(`import refused: ${error.message}`);
      throw error;
    }
    try {
      const store = openStore(io, dataDir);
      try {
        const ydoc = await loadSectionDoc(store, section.id);
        const before = Y.encodeStateVector(ydoc);
        replaceYDocContent(ydoc, doc);
        await store.append(section.id, Y.encodeStateAsUpdate(ydoc, before));
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
};
