import type { OutlineEvent } from "@rapporteur/api";

/** What the open page does after a structural change: where to go, and what to tell the user. */
export interface OutlineFollow {
  /** Where the user is taken (the section's place in history is replaced); null: they stay. */
  goTo: { kind: "section"; sectionId: string } | { kind: "outline" } | null;
  notice: string;
  /** A section the notice offers to open (the new half of a split). */
  offer: { sectionId: string; label: string } | null;
}

/**
 * How a user with section `openId` open follows an `outline` event: merged away, they go to
 * where its text is now; archived, to the outline; split, they stay and may open the new half.
 * Null when the change does not touch their section. `titleOf` reads the titles known before.
 */
export function followOutline(
  event: OutlineEvent,
  openId: string | null,
  titleOf: (sectionId: string) => string | undefined,
): OutlineFollow | null {
  if (!openId) return null;
  const title = titleOf(openId) ?? openId;
  const moved = event.moved.find((m) => m.from === openId);
  if (event.archived.includes(openId)) {
    if (moved) {
      const target = titleOf(moved.to) ?? "another section";
      return {
        goTo: { kind: "section", sectionId: moved.to },
        notice: `“${title}” was merged into “${target}”. You are now in “${target}”, where its text is.`,
        offer: null,
      };
    }
    return {
      goTo: { kind: "outline" },
      notice: `“${title}” was archived by an editor. Its text, comments and history are kept; an editor can restore it from this page.`,
      offer: null,
    };
  }
  if (moved) {
    return {
      goTo: null,
      notice: `“${title}” was split: the text from one of its sub-headings on is now a new section.`,
      offer: { sectionId: moved.to, label: "Open the new section" },
    };
  }
  return null;
}
