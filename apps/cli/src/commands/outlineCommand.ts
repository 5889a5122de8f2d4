import { commandGroup } from "../commandGroup";
import { outlineExportCommand } from "./outline/outlineExportCommand";
import { outlineImportCommand } from "./outline/outlineImportCommand";

/** `rapporteur outline export|import`: the report's structure as a YAML file. */
export const outlineCommand = commandGroup({
  name: "outline",
  summary: "the report's outline as a YAML file: export, import",
  description:
    "The report's outline (parts and sections) as a YAML file in the form of content/outline.yaml; editors also change it in the app.",
  subcommands: {
    export: outlineExportCommand,
    import: outlineImportCommand,
  },
});
