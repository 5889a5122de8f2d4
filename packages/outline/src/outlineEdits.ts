import {
  type ArchivedSection,
  groupByPart,
  OutlineChangeError,
  type OutlineState,
} from "./OutlineState";
import type { OutlinePart, OutlineSection } from "./outlineSchema";
import { slugFromTitle } from "./sectionId";

const MAX_TITLE = 300;
const MAX_GUIDANCE = 5_000;

function title(value: string): string {
  const text = value.trim();
  if (text === "" || text.length > MAX_TITLE) {
    throw new OutlineChangeError("invalid", `A title must have 1 to ${MAX_TITLE} characters`);
  }
  return text;
}

function guidance(value: string): string {
  if (value.length > MAX_GUIDANCE) {
    throw new OutlineChangeError("invalid", `Guidance may have at most ${MAX_GUIDANCE} characters`);
  }
  return value;
}

function budget(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) {
    throw new OutlineChangeError(
      "invalid",
      "A budget is a whole number of words from 0 to 1,000,000",
    );
  }
  return value;
}

/** Every id a new section or part must not take: live, archived and part ids. */
export function takenIds(state: OutlineState): Set<string> {
  return new Set([
    ...state.outline.sections.map((s) => s.id),
    ...state.archived.map((s) => s.id),
    ...state.outline.parts.map((p) => p.id),
  ]);
}

function requirePart(state: OutlineState, id: string): OutlinePart {
  const part = state.outline.parts.find((p) => p.id === id);
  if (!part) throw new OutlineChangeError("not_found", `There is no part '${id}' in the outline`);
  return part;
}

/** The live section `id`; 404 for an unknown or archived one. */
export function requireSection(state: OutlineState, id: string): OutlineSection {
  const section = state.outline.sections.find((s) => s.id === id);
  if (section) return section;
  if (state.archived.some((s) => s.id === id)) {
    throw new OutlineChangeError("not_found", `Section '${id}' is archived: restore it first`);
  }
  throw new OutlineChangeError("not_found", `There is no section '${id}' in the outline`);
}

/**
 * Puts `section` into its part after section `after` (null: first in the part; undefined: last),
 * removing any earlier copy of it: a section is in the outline exactly once.
 */
function place(
  state: OutlineState,
  section: OutlineSection,
  after: string | null | undefined,
): OutlineSection[] {
  const others = state.outline.sections.filter((s) => s.id !== section.id);
  const inPart = others.filter((s) => s.part === section.part);
  let index: number;
  if (after === null) index = 0;
  else if (after === undefined) index = inPart.length;
  else {
    if (after === section.id) {
      throw new OutlineChangeError("invalid", "A section cannot be placed after itself");
    }
    const at = inPart.findIndex((s) => s.id === after);
    if (at < 0) {
      throw new OutlineChangeError(
        "invalid",
        `Section '${after}' is not in part '${section.part}': 'after' must name a section of the part`,
      );
    }
    index = at + 1;
  }
  inPart.splice(index, 0, section);
  const rest = others.filter((s) => s.part !== section.part);
  return groupByPart(state.outline.parts, [...rest, ...inPart]);
}

/** What a new section has. */
export interface NewSection {
  title: string;
  part: string;
  after?: string | null;
  budget?: number;
  guidance?: string;
  /** A given id (the CLI's import, a split); default a unique slug of the title. */
  id?: string;
}

/** Adds a section; returns the new state and its id. */
export function addSection(state: OutlineState, input: NewSection): [OutlineState, string] {
  requirePart(state, input.part);
  const id = input.id ?? slugFromTitle(input.title, takenIds(state));
  if (takenIds(state).has(id)) {
    throw new OutlineChangeError("conflict", `The id '${id}' is already taken`);
  }
  const section: OutlineSection = {
    id,
    part: input.part,
    title: title(input.title),
    budget: budget(input.budget ?? 0),
    guidance: guidance(input.guidance ?? ""),
  };
  const sections = place(state, section, input.after);
  return [{ ...state, outline: { ...state.outline, sections } }, id];
}

/** A change of a section: any subset. `after: null` first in its part; `part` alone: last. */
export interface SectionChange {
  title?: string;
  part?: string;
  after?: string | null;
  budget?: number;
  guidance?: string;
}

/** Renames, moves, re-budgets a section. */
export function updateSection(
  state: OutlineState,
  id: string,
  change: SectionChange,
): OutlineState {
  const old = requireSection(state, id);
  if (change.part !== undefined) requirePart(state, change.part);
  const section: OutlineSection = {
    ...old,
    ...(change.title !== undefined ? { title: title(change.title) } : {}),
    ...(change.part !== undefined ? { part: change.part } : {}),
    ...(change.budget !== undefined ? { budget: budget(change.budget) } : {}),
    ...(change.guidance !== undefined ? { guidance: guidance(change.guidance) } : {}),
  };
  const moves =
    change.after !== undefined || (change.part !== undefined && change.part !== old.part);
  const sections = moves
    ? place(state, section, change.after)
    : state.outline.sections.map((s) => (s.id === id ? section : s));
  return { ...state, outline: { ...state.outline, sections } };
}

/** Archives a live section (never deletes it). */
export function archiveSection(
  state: OutlineState,
  id: string,
  by: string | null,
  at: string,
  mergedInto: string | null = null,
): OutlineState {
  const section = requireSection(state, id);
  const archived: ArchivedSection = { ...section, archivedAt: at, archivedBy: by, mergedInto };
  return {
    ...state,
    outline: { ...state.outline, sections: state.outline.sections.filter((s) => s.id !== id) },
    archived: [...state.archived, archived],
  };
}

/** Puts an archived section back at the end of its part (the last part when that one is gone). */
export function restoreSection(state: OutlineState, id: string): OutlineState {
  const archived = state.archived.find((s) => s.id === id);
  if (!archived) {
    if (state.outline.sections.some((s) => s.id === id)) {
      throw new OutlineChangeError("conflict", `Section '${id}' is not archived`);
    }
    throw new OutlineChangeError("not_found", `There is no archived section '${id}'`);
  }
  const { archivedAt: _at, archivedBy: _by, mergedInto: _into, ...section } = archived;
  const parts = state.outline.parts;
  const part = parts.some((p) => p.id === section.part) ? section.part : parts.at(-1)!.id;
  const back = { ...state, archived: state.archived.filter((s) => s.id !== id) };
  const sections = place(back, { ...section, part }, undefined);
  return { ...back, outline: { ...back.outline, sections } };
}

function placePart(parts: OutlinePart[], part: OutlinePart, after: string | null | undefined) {
  const others = parts.filter((p) => p.id !== part.id);
  let index: number;
  if (after === null) index = 0;
  else if (after === undefined) index = others.length;
  else {
    const at = others.findIndex((p) => p.id === after);
    if (at < 0) throw new OutlineChangeError("invalid", `There is no part '${after}' to follow`);
    index = at + 1;
  }
  others.splice(index, 0, part);
  return others;
}

/** Adds an empty part after part `after` (null: first; undefined: last); returns its id. */
export function addPart(
  state: OutlineState,
  input: { title: string; after?: string | null },
): [OutlineState, string] {
  const id = slugFromTitle(input.title, takenIds(state));
  const parts = placePart(state.outline.parts, { id, title: title(input.title) }, input.after);
  return [{ ...state, outline: { ...state.outline, parts } }, id];
}

/** Renames or moves a part; its sections move with it. */
export function updatePart(
  state: OutlineState,
  id: string,
  change: { title?: string; after?: string | null },
): OutlineState {
  const old = requirePart(state, id);
  const part = { ...old, ...(change.title !== undefined ? { title: title(change.title) } : {}) };
  const parts =
    change.after !== undefined
      ? placePart(state.outline.parts, part, change.after)
      : state.outline.parts.map((p) => (p.id === id ? part : p));
  const sections = groupByPart(parts, state.outline.sections);
  return { ...state, outline: { ...state.outline, parts, sections } };
}
