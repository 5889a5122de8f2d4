import { OutlineChangeError, type OutlineState } from "./OutlineState";
import type { Outline } from "./outlineSchema";

/**
 * The state after replacing the outline with `incoming` (an outline file): its parts and sections
 * in its order; archived sections it names come back; live sections it leaves out are archived
 * (never deleted), unless one of them holds text (`holdsText`): then the whole import is refused
 * with a message naming them.
 */
export function importOutline(
  state: OutlineState,
  incoming: Outline,
  holdsText: (sectionId: string) => boolean,
  at: string,
): OutlineState {
  const named = new Set(incoming.sections.map((s) => s.id));
  const leaving = state.outline.sections.filter((s) => !named.has(s.id));
  const withText = leaving.filter((s) => holdsText(s.id));
  if (withText.length > 0) {
    throw new OutlineChangeError(
      "conflict",
      `the file leaves out ${withText.length} section(s) that hold text, which would vanish: ${withText
        .map((s) => `${s.id} ("${s.title}")`)
        .join(", ")}. Keep them in the file (or merge them into another section in the app).`,
    );
  }
  const archived = [
    ...state.archived.filter((s) => !named.has(s.id)),
    ...leaving.map((s) => ({ ...s, archivedAt: at, archivedBy: null, mergedInto: null })),
  ];
  return { ...state, outline: incoming, archived };
}
