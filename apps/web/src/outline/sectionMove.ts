/** The order the outline's moves are computed on: parts in order, sections in report order. */
export interface OutlineOrder {
  parts: readonly { id: string }[];
  sections: readonly { id: string; part: string }[];
}

/** Where a section goes, as `PATCH /api/outline/sections/:id` takes it (`after: null`: first). */
export interface SectionMove {
  part: string;
  after: string | null;
}

/**
 * Where a section is asked to go: one place up or down (across into the neighbouring part at a
 * part's edge), to the end of a part, or just before or after another section (a drop).
 */
export type MoveRequest =
  | { kind: "up" }
  | { kind: "down" }
  | { kind: "toPart"; part: string }
  | { kind: "before" | "after"; section: string };

function sectionsOf(order: OutlineOrder, part: string, without: string): string[] {
  return order.sections.filter((s) => s.part === part && s.id !== without).map((s) => s.id);
}

/**
 * The move that puts section `id` where `request` says, or null when it would not move (first
 * of the first part going up, already there, unknown ids).
 */
export function sectionMove(
  order: OutlineOrder,
  id: string,
  request: MoveRequest,
): SectionMove | null {
  const section = order.sections.find((s) => s.id === id);
  if (!section) return null;
  const partIndex = order.parts.findIndex((p) => p.id === section.part);
  const siblings = order.sections.filter((s) => s.part === section.part).map((s) => s.id);
  const index = siblings.indexOf(id);
  let move: SectionMove | null = null;
  if (request.kind === "up") {
    if (index > 0) {
      move = { part: section.part, after: siblings[index - 2] ?? null };
    } else {
      const previous = order.parts[partIndex - 1];
      if (previous)
        move = { part: previous.id, after: sectionsOf(order, previous.id, id).at(-1) ?? null };
    }
  } else if (request.kind === "down") {
    if (index < siblings.length - 1) {
      move = { part: section.part, after: siblings[index + 1] ?? null };
    } else {
      const next = order.parts[partIndex + 1];
      if (next) move = { part: next.id, after: null };
    }
  } else if (request.kind === "toPart") {
    if (!order.parts.some((p) => p.id === request.part)) return null;
    move = { part: request.part, after: sectionsOf(order, request.part, id).at(-1) ?? null };
  } else {
    const target = order.sections.find((s) => s.id === request.section);
    if (!target || target.id === id) return null;
    const others = sectionsOf(order, target.part, id);
    const after =
      request.kind === "after" ? target.id : (others[others.indexOf(target.id) - 1] ?? null);
    move = { part: target.part, after };
  }
  if (!move) return null;
  const currentAfter = index > 0 ? (siblings[index - 1] ?? null) : null;
  return move.part === section.part && move.after === currentAfter ? null : move;
}

/** The sections in the order they have once `move` is applied to section `id`. */
export function movedOrder<S extends { id: string; part: string }>(
  order: { parts: readonly { id: string }[]; sections: readonly S[] },
  id: string,
  move: SectionMove,
): S[] {
  const moving = order.sections.find((s) => s.id === id);
  if (!moving) return [...order.sections];
  const moved = { ...moving, part: move.part };
  const rest = order.sections.filter((s) => s.id !== id);
  const byPart = order.parts.flatMap((part) => {
    const list = rest.filter((s) => s.part === part.id);
    if (part.id !== move.part) return list;
    const at = move.after === null ? 0 : list.findIndex((s) => s.id === move.after) + 1;
    return [...list.slice(0, at), moved, ...list.slice(at)];
  });
  return byPart;
}
