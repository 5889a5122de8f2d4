import type { EvidenceCode } from "@rapporteur/api";
import { nestedCodes } from "./nestedCodes";

/** One choice of a code in a drop-down: its id as the value, indented by depth. */
export interface CodeChoice {
  value: string;
  label: string;
}

/** The value of the "top level" choice of a parent. */
export const TOP_LEVEL = "";

/** `id` and every code nested under it, at any depth (a broken parent chain ends the walk). */
export function codeAndDescendants(codes: readonly EvidenceCode[], id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const code of codes) {
      if (code.parent !== null && out.has(code.parent) && !out.has(code.id)) {
        out.add(code.id);
        grew = true;
      }
    }
  }
  return out;
}

const indented = (name: string, depth: number) => `${"\u00a0\u00a0".repeat(depth)}${name}`;

/**
 * Where code `id` may move: the top level, then every code in reading order except itself and
 * the codes nested under it (the server refuses those too: a code under its own sub-code is a cycle).
 */
export function parentChoices(codes: readonly EvidenceCode[], id: number): CodeChoice[] {
  const own = codeAndDescendants(codes, id);
  return [
    { value: TOP_LEVEL, label: "(top level)" },
    ...nestedCodes(codes)
      .filter(({ code }) => !own.has(code.id))
      .map(({ code, depth }) => ({ value: String(code.id), label: indented(code.name, depth) })),
  ];
}

/** The codes code `id` may be merged into: every other one, in reading order. */
export function mergeChoices(codes: readonly EvidenceCode[], id: number): CodeChoice[] {
  return nestedCodes(codes)
    .filter(({ code }) => code.id !== id)
    .map(({ code, depth }) => ({ value: String(code.id), label: indented(code.name, depth) }));
}

const excerptCount = (n: number) => (n === 1 ? "1 excerpt" : `${n} excerpts`);

/**
 * What deleting code `id` does, for its confirmation: how many excerpts it tags (those need
 * another code to take them) and where its sub-codes go (up to its parent).
 */
export function deletionSummary(codes: readonly EvidenceCode[], id: number): string {
  const code = codes.find((c) => c.id === id);
  if (!code) return "";
  const children = codes.filter((c) => c.parent === id).length;
  const parent = codes.find((c) => c.id === code.parent);
  const tags =
    code.excerpts === 0
      ? `“${code.name}” tags no excerpt.`
      : `“${code.name}” tags ${excerptCount(code.excerpts)}: choose the code that will tag ${code.excerpts === 1 ? "it" : "them"} instead.`;
  const subCodes =
    children === 0
      ? ""
      : ` Its ${children === 1 ? "sub-code moves" : `${children} sub-codes move`} up to ${parent ? `“${parent.name}”` : "the top level"}.`;
  return tags + subCodes;
}

/** What merging code `id` into `into` does, for the merge dialog. */
export function mergeSummary(codes: readonly EvidenceCode[], id: number, into: number): string {
  const code = codes.find((c) => c.id === id);
  const target = codes.find((c) => c.id === into);
  if (!code || !target) return "";
  const children = codes.filter((c) => c.parent === id && c.id !== into).length;
  const moved =
    children === 0
      ? ""
      : `, ${children === 1 ? "its sub-code moves" : `its ${children} sub-codes move`} under it`;
  return `“${target.name}” will tag the ${excerptCount(code.excerpts)} of “${code.name}”${moved}, and “${code.name}” is deleted.`;
}
