import type { OutlineEvent } from "@rapporteur/api";
import { eventObject } from "../api/eventObject";

function isMove(value: unknown): value is { from: string; to: string } {
  if (typeof value !== "object" || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === "string" && typeof to === "string";
}

/** Reads the data of an `outline` event; `null` when it is not a valid structural change. */
export function parseOutlineEvent(data: string): OutlineEvent | null {
  const value = eventObject("outline", data);
  if (!value) return null;
  const { revision, moved, archived } = value;
  if (!Number.isInteger(revision)) return null;
  const movedList = moved === undefined ? [] : moved;
  const archivedList = archived === undefined ? [] : archived;
  if (!Array.isArray(movedList) || !movedList.every(isMove)) return null;
  if (!Array.isArray(archivedList) || !archivedList.every((id) => typeof id === "string")) {
    return null;
  }
  return {
    revision: revision as number,
    moved: movedList.map(({ from, to }) => ({ from, to })),
    archived: [...archivedList],
  };
}
