import { commandGroup } from "../commandGroup";
import { evidenceImportCommand } from "./evidence/evidenceImportCommand";

/** `rapporteur evidence import`: the evidence library from the command line. */
export const evidenceCommand = commandGroup({
  name: "evidence",
  summary: "the evidence library: import questionnaires, literature and documents",
  description:
    "The evidence library (consultation submissions, contributions, documents, literature).",
  subcommands: {
    import: evidenceImportCommand,
  },
});
