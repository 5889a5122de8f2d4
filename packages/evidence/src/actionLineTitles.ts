import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { ACTION_LINES } from "./source";

/** Path of the Action Lines' titles shipped in `content/`. */
export const ACTION_LINES_PATH = fileURLToPath(
  new URL("../../../content/action-lines.yaml", import.meta.url),
);

const actionLinesFile = z.object({
  actionLines: z
    .array(z.object({ id: z.enum(ACTION_LINES), title: z.string().min(1) }).strict())
    .length(ACTION_LINES.length),
});

let cached: { id: string; title: string }[] | undefined;

/** The WSIS Action Lines C1..C11 with their titles (content/action-lines.yaml), read once. */
export function actionLineTitles(): { id: string; title: string }[] {
  cached ??= actionLinesFile.parse(parse(readFileSync(ACTION_LINES_PATH, "utf8"))).actionLines;
  return cached;
}
