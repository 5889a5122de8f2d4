import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Outline } from "./outlineSchema";
import { parseOutline } from "./parseOutline";

/** Path of the outline shipped in `content/`. */
export const DEFAULT_OUTLINE_PATH = fileURLToPath(
  new URL("../../../content/outline.yaml", import.meta.url),
);

/** Reads and validates the outline file (Node only). Throws {@link OutlineError} when invalid. */
export function loadOutline(path: string = DEFAULT_OUTLINE_PATH): Outline {
  return parseOutline(readFileSync(path, "utf8"), path);
}
