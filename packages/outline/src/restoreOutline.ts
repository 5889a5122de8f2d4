import { type ArchivedSection, groupByPart, type OutlineState } from "./OutlineState";
import type { OutlinePart, OutlineSection } from "./outlineSchema";
import { isSectionId } from "./sectionId";

/** What putting back a version's outline changed. */
export interface OutlineRestore {
  /** Live sections the version did not have: archived (text, comments, history kept). */
  archived: string[];
  /** Sections of the version that were archived (or unknown) and are back in the outline. */
  restored: string[];
  /** Sections whose title, part, allocation or guidance went back to the version's. */
  changed: string[];
  /** Whether sections or parts went back to another order (or parts to other titles). */
  moved: boolean;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/**
 * The parts and sections of a version's stored outline, read leniently: a version made before the
 * outline lived in the database (or by an older build) may lack fields, which take today's value
 * of the same id (or a plain default); entries without a usable id are left out. Null when no
 * section is left (nothing sensible to restore).
 */
export function versionOutline(
  raw: unknown,
  state: OutlineState,
): { parts: OutlinePart[]; sections: OutlineSection[] } | null {
  const outline = record(raw);
  const known = new Map<string, OutlineSection>(
    [...state.outline.sections, ...state.archived].map((s) => [s.id, s]),
  );
  const knownParts = new Map(state.outline.parts.map((p) => [p.id, p]));
  const parts: OutlinePart[] = [];
  for (const entry of Array.isArray(outline?.parts) ? outline.parts : []) {
    const part = record(entry);
    const id = part?.id;
    if (typeof id !== "string" || !isSectionId(id) || parts.some((p) => p.id === id)) continue;
    const now = knownParts.get(id);
    const frontMatter =
      typeof part?.frontMatter === "boolean" ? part.frontMatter : (now?.frontMatter ?? false);
    parts.push({
      id,
      title: text(part?.title) ?? now?.title ?? id,
      ...(frontMatter ? { frontMatter: true } : {}),
    });
  }
  if (parts.length === 0) parts.push(...state.outline.parts);
  const partIds = new Set(parts.map((p) => p.id));
  const sections: OutlineSection[] = [];
  for (const entry of Array.isArray(outline?.sections) ? outline.sections : []) {
    const section = record(entry);
    const id = section?.id;
    if (
      typeof id !== "string" ||
      !isSectionId(id) ||
      partIds.has(id) ||
      sections.some((s) => s.id === id)
    ) {
      continue;
    }
    const now = known.get(id);
    const part = [section?.part, now?.part].find(
      (p): p is string => typeof p === "string" && partIds.has(p),
    );
    const budget = section?.budget;
    sections.push({
      id,
      part: part ?? parts.at(-1)!.id,
      title: text(section?.title) ?? now?.title ?? id,
      budget:
        typeof budget === "number" && Number.isInteger(budget) && budget >= 0
          ? budget
          : (now?.budget ?? 0),
      guidance: typeof section?.guidance === "string" ? section.guidance : (now?.guidance ?? ""),
    });
  }
  return sections.length > 0 ? { parts, sections } : null;
}

function sameSection(a: OutlineSection, b: OutlineSection): boolean {
  return (
    a.title === b.title && a.part === b.part && a.budget === b.budget && a.guidance === b.guidance
  );
}

/** The ids of `ids` that are also in `among`, in the order of `ids`. */
function common(ids: string[], among: Set<string>): string[] {
  return ids.filter((id) => among.has(id));
}

/**
 * Puts back the structure of a version (`target`, from {@link versionOutline}): its parts and
 * sections in its order, with its titles, allocations and guidance. A section of the version
 * that is archived now is put back in the outline; a live section the version did not have is
 * archived (by `by`, at `at`), never deleted. Parts the version did not have are dropped (their
 * live sections are archived with them); the report's title and range stay as they are.
 */
export function restoreOutline(
  state: OutlineState,
  target: { parts: OutlinePart[]; sections: OutlineSection[] },
  by: string | null,
  at: string,
): [OutlineState, OutlineRestore] {
  const wanted = new Set(target.sections.map((s) => s.id));
  const live = new Map(state.outline.sections.map((s) => [s.id, s]));
  const sections = groupByPart(target.parts, target.sections);
  const leaving: ArchivedSection[] = state.outline.sections
    .filter((s) => !wanted.has(s.id))
    .map((s) => ({ ...s, archivedAt: at, archivedBy: by, mergedInto: null }));
  const archived = [...state.archived.filter((s) => !wanted.has(s.id)), ...leaving];
  const stayed = new Set(sections.filter((s) => live.has(s.id)).map((s) => s.id));
  const beforeParts = state.outline.parts;
  const keptParts = new Set(target.parts.map((p) => p.id));
  const moved =
    JSON.stringify(
      common(
        state.outline.sections.map((s) => s.id),
        stayed,
      ),
    ) !==
      JSON.stringify(
        common(
          sections.map((s) => s.id),
          stayed,
        ),
      ) ||
    JSON.stringify(beforeParts.filter((p) => keptParts.has(p.id))) !==
      JSON.stringify(target.parts.filter((p) => beforeParts.some((b) => b.id === p.id)));
  const result: OutlineRestore = {
    archived: leaving.map((s) => s.id),
    restored: sections.filter((s) => !live.has(s.id)).map((s) => s.id),
    changed: sections
      .filter((s) => {
        const now = live.get(s.id);
        return now !== undefined && !sameSection(now, s);
      })
      .map((s) => s.id),
    moved,
  };
  return [
    { ...state, outline: { ...state.outline, parts: target.parts, sections }, archived },
    result,
  ];
}

/**
 * Whether restoring `target` would change anything: the parts, the live sections (order and
 * fields) or the archive.
 */
export function outlineDiffersFrom(
  state: OutlineState,
  target: { parts: OutlinePart[]; sections: OutlineSection[] },
): boolean {
  return (
    JSON.stringify(state.outline.parts) !== JSON.stringify(target.parts) ||
    JSON.stringify(state.outline.sections) !==
      JSON.stringify(groupByPart(target.parts, target.sections))
  );
}
