import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type Timetable, timetableSchema } from "./timetable";

/** Path of the timetable shipped in `content/`. */
export const DEFAULT_TIMETABLE_PATH = fileURLToPath(
  new URL("../../../content/timetable.yaml", import.meta.url),
);

/** Thrown when a timetable file is not valid; the message names every problem found. */
export class TimetableError extends Error {
  override name = "TimetableError";
}

/** Parses and validates timetable YAML. Throws {@link TimetableError}. */
export function parseTimetable(yamlText: string, source = "timetable"): Timetable {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    throw new TimetableError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  const result = timetableSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join(".") || "(root)"}: ${i.message}`,
    );
    throw new TimetableError(`${source}: ${problems.join("; ")}`);
  }
  return result.data;
}

/** Reads and validates a timetable file (Node only). Throws {@link TimetableError}. */
export function loadTimetable(path: string = DEFAULT_TIMETABLE_PATH): Timetable {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new TimetableError(`${path}: cannot be read: ${(error as Error).message}`);
  }
  return parseTimetable(text, path);
}
