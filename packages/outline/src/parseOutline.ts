import { parse } from "yaml";
import { type Outline, outlineSchema } from "./outlineSchema";

/** Thrown when the outline file is not valid; the message names every problem found. */
export class OutlineError extends Error {
  override name = "OutlineError";
}

/**
 * Parses and validates outline YAML. Section ids must be unique, every section must belong to a
 * declared part, and each part's sections must be contiguous so that reading order is unambiguous.
 */
export function parseOutline(yamlText: string, source = "outline"): Outline {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (error) {
    throw new OutlineError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  const result = outlineSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join(".") || "(root)"}: ${i.message}`,
    );
    throw new OutlineError(`${source}: ${problems.join("; ")}`);
  }
  const outline = result.data;
  const problems: string[] = [];
  const partIds = new Set(outline.parts.map((p) => p.id));
  if (partIds.size !== outline.parts.length) problems.push("part ids must be unique");
  const seen = new Set<string>();
  for (const section of outline.sections) {
    if (seen.has(section.id)) problems.push(`section id '${section.id}' is used twice`);
    seen.add(section.id);
    if (!partIds.has(section.part)) {
      problems.push(`section '${section.id}' names unknown part '${section.part}'`);
    }
  }
  const partOrder = outline.sections.map((s) => s.part).filter((p, i, all) => p !== all[i - 1]);
  if (new Set(partOrder).size !== partOrder.length) {
    problems.push("the sections of each part must be listed together");
  }
  if (problems.length > 0) throw new OutlineError(`${source}: ${problems.join("; ")}`);
  return outline;
}
