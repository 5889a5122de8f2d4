import type { SectionHeadingView } from "@rapporteur/api";
import { reanchorMoved, textOffsetOfBlock } from "@rapporteur/comments";
import {
  addSection,
  archiveSection,
  OutlineChangeError,
  requireSection,
  slugFromTitle,
  takenIds,
  updateSection,
} from "@rapporteur/outline";
import { FRAGMENT_NAME, SUBHEADING_LEVELS } from "@rapporteur/schema";
import { isLocked } from "@rapporteur/workflow";
import * as Y from "yjs";
import type { DirectConnection } from "../collab/DirectConnection";
import { recordOutlineChange } from "../history/recordOutlineChange";
import type { ApiDependencies } from "../http/ApiDependencies";
import { conflict } from "../http/errors";

/** A sub-heading of a section with its place among the section's top-level blocks. */
interface PlacedHeading extends SectionHeadingView {
  index: number;
}

/** The plain text of an element (its text nodes, formatting dropped). */
function plainText(element: Y.XmlElement): string {
  let text = "";
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown }[]) {
        if (typeof op.insert === "string") text += op.insert;
      }
    } else if (child instanceof Y.XmlElement) text += plainText(child);
  }
  return text;
}

/** The top-level headings of a section's document, `h<n>` by their order. */
export function headingsOf(ydoc: Y.Doc): PlacedHeading[] {
  const headings: PlacedHeading[] = [];
  ydoc
    .getXmlFragment(FRAGMENT_NAME)
    .toArray()
    .forEach((node, index) => {
      if (!(node instanceof Y.XmlElement) || node.nodeName !== "heading") return;
      const level = Number(node.getAttribute("level")) || SUBHEADING_LEVELS[0];
      headings.push({ anchor: `h${headings.length}`, text: plainText(node).trim(), level, index });
    });
  return headings;
}

/** The top-level blocks `[from, to)` of a section, as copies to insert into another document. */
function copyBlocks(ydoc: Y.Doc, from: number, to: number): (Y.XmlElement | Y.XmlText)[] {
  return ydoc
    .getXmlFragment(FRAGMENT_NAME)
    .slice(from, to)
    .map((node) => (node as Y.XmlElement | Y.XmlText).clone());
}

/** The top-level blocks `[from, to)` as XML text, to tell whether they changed. */
function blocksText(ydoc: Y.Doc, from: number, to: number): string {
  return ydoc
    .getXmlFragment(FRAGMENT_NAME)
    .slice(from, to)
    .map((node) => (node as Y.XmlElement | Y.XmlText).toString())
    .join("");
}

/**
 * The outline changes that move text: a split at a sub-heading and a merge of two sections. Both
 * edit the LIVE documents through direct connections (editors connected to them see the text
 * arrive or leave, and keep their own typing), move the comment threads of the moved text with
 * it, re-anchored, and record the moved text in both sections' history (kind `outline`).
 */
export class OutlineSurgery {
  constructor(private readonly deps: ApiDependencies) {}

  /** The sub-headings of a section as it is now (live when loaded). */
  async headings(sectionId: string): Promise<SectionHeadingView[]> {
    return this.#withSection(sectionId, (connection) =>
      connection.read((ydoc) => headingsOf(ydoc).map(({ index: _index, ...heading }) => heading)),
    );
  }

  /**
   * Splits `sectionId` at the heading `atHeading` (its anchor or exact text): the heading and what
   * follows up to the next heading of the same or a higher level go to a new section right after
   * it, titled with the heading's text, with the source's leads. Returns the new section's id.
   */
  async split(
    sectionId: string,
    atHeading: string,
    user: { id: number; username: string },
  ): Promise<string> {
    const { outline, workflow, collab, movedBlocks } = this.deps;
    this.#refuseLocked(sectionId, "split");
    return this.#withSection(sectionId, async (source) => {
      const { heading, blocks, copied, range } = await source.read((ydoc) => {
        const all = headingsOf(ydoc);
        const wanted = atHeading.trim();
        const heading = all.find((h) => h.anchor === wanted) ?? all.find((h) => h.text === wanted);
        if (!heading) {
          throw new OutlineChangeError(
            "invalid",
            `Section '${sectionId}' has no sub-heading '${atHeading}': split at one of ${all.map((h) => `'${h.text}'`).join(", ") || "(none)"}`,
          );
        }
        if (heading.index === 0) {
          throw new OutlineChangeError(
            "invalid",
            `'${heading.text}' is where the section begins: splitting there would leave it empty`,
          );
        }
        const next = all.find((h) => h.index > heading.index && h.level <= heading.level);
        const end = next?.index ?? ydoc.getXmlFragment(FRAGMENT_NAME).length;
        return {
          heading,
          blocks: copyBlocks(ydoc, heading.index, end),
          copied: blocksText(ydoc, heading.index, end),
          range: { from: textOffsetOfBlock(ydoc, heading.index), to: textOffsetOfBlock(ydoc, end) },
        };
      });
      const current = requireSection(outline.state(), sectionId);
      // The outline first (synchronously after choosing the id, so nothing can take it between):
      // the new section exists before any text is written under its id.
      const newId = slugFromTitle(heading.text, takenIds(outline.state()));
      outline.change(
        (state) =>
          addSection(state, {
            id: newId,
            title: heading.text || "Untitled section",
            part: current.part,
            after: sectionId,
            budget: 0,
            guidance: current.guidance,
          }),
        { moved: [{ from: sectionId, to: newId }] },
      );
      const target = await collab.openDirectConnection(newId);
      let late: (Y.XmlElement | Y.XmlText)[] | undefined;
      try {
        await target.transact(
          (ydoc) => {
            ydoc.getXmlFragment(FRAGMENT_NAME).insert(0, blocks);
            return true;
          },
          { userId: user.id, kind: "outline" },
        );
        const leads = workflow.get(sectionId).leads;
        if (leads.length > 0) workflow.setLeads(newId, leads, user.username);
        await this.#moveThreads(source, sectionId, target, newId, range, 0);
        await source.transact(
          (ydoc) => {
            const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
            // The blocks may have moved if someone added blocks before them meanwhile: the same
            // heading nearest to where it was.
            const at = headingsOf(ydoc)
              .filter((h) => h.text === heading.text && h.level === heading.level)
              .sort(
                (a, b) => Math.abs(a.index - heading.index) - Math.abs(b.index - heading.index),
              )[0];
            const from = at?.index ?? heading.index;
            // Up to the next heading of the same or a higher level as it is now: blocks added in
            // the range since it was copied leave with it.
            const next = headingsOf(ydoc).find((h) => h.index > from && h.level <= heading.level);
            const to = next?.index ?? fragment.length;
            // What was typed in the range since the copy (the copy and the target's text were
            // written across awaits) is taken now, in the same transaction that deletes it.
            if (blocksText(ydoc, from, to) !== copied) late = copyBlocks(ydoc, from, to);
            // Clients that have not heard of this yet may still type into these blocks.
            movedBlocks.record(
              sectionId,
              newId,
              fragment.slice(from, to).flatMap((node) => {
                const item = (node as Y.XmlElement | Y.XmlText)._item;
                return item ? [item] : [];
              }),
            );
            fragment.delete(from, to - from);
            return true;
          },
          { userId: user.id, kind: "outline" },
        );
        if (late) {
          const fresh = late;
          await target.transact(
            (ydoc) => {
              const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
              fragment.delete(0, Math.min(blocks.length, fragment.length));
              fragment.insert(0, fresh);
              return true;
            },
            { userId: user.id, kind: "outline" },
          );
        }
      } finally {
        target.disconnect();
      }
      return newId;
    });
  }

  /**
   * Merges `sectionId` into `into`: its text appended to the target under a heading with its
   * title, its threads moved and re-anchored, its allocation added to the target's, leads united;
   * the source is archived with `mergedInto` (its editors are closed with 4410).
   */
  async merge(sectionId: string, into: string, user: { id: number; username: string }) {
    const { outline, workflow, budgets } = this.deps;
    if (sectionId === into) {
      throw new OutlineChangeError("invalid", "A section cannot be merged into itself");
    }
    const source = requireSection(outline.state(), sectionId);
    requireSection(outline.state(), into);
    this.#refuseLocked(into, "merge into");
    await this.#withSection(sectionId, (sourceConnection) =>
      this.#withSection(into, async (target) => {
        const blocks = await sourceConnection.read((ydoc) => {
          const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
          return {
            copies: copyBlocks(ydoc, 0, fragment.length),
            range: { from: 0, to: textOffsetOfBlock(ydoc, fragment.length) },
          };
        });
        let headingIndex = 0;
        await target.transact(
          (ydoc) => {
            const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
            headingIndex = fragment.length;
            const heading = new Y.XmlElement("heading");
            heading.setAttribute("level", SUBHEADING_LEVELS[0] as unknown as string);
            heading.insert(0, [new Y.XmlText(source.title)]);
            fragment.insert(fragment.length, [heading, ...blocks.copies]);
            return true;
          },
          { userId: user.id, kind: "outline" },
        );
        const at = await target.read((ydoc) => textOffsetOfBlock(ydoc, headingIndex + 1));
        const settings = budgets.settings();
        const sum =
          (settings.allocations.get(into) ?? 0) + (settings.allocations.get(sectionId) ?? 0);
        outline.change(
          (state) =>
            archiveSection(
              updateSection(state, into, { budget: sum }),
              sectionId,
              user.username,
              new Date().toISOString(),
              into,
            ),
          { moved: [{ from: sectionId, to: into }] },
        );
        if (settings.overridden.has(into)) budgets.setAllocation(into, null, user.username);
        const leads = [...workflow.get(into).leads, ...workflow.get(sectionId).leads];
        if (leads.length > 0) workflow.setLeads(into, leads, user.username);
        await this.#moveThreads(sourceConnection, sectionId, target, into, blocks.range, at, true);
      }),
    );
  }

  /**
   * Moves the threads of `fromId` whose range is in `range` to `toId`, re-anchored where that
   * text starts (`at`) in the target. With `all`, the others (detached) move too, as they are.
   */
  async #moveThreads(
    source: DirectConnection,
    fromId: string,
    target: DirectConnection,
    toId: string,
    range: { from: number; to: number },
    at: number,
    all = false,
  ): Promise<void> {
    const { store } = this.deps.comments;
    const threads = store.listThreads({ sectionId: fromId });
    if (threads.length === 0) return;
    const sourceDoc = await source.read((ydoc) => Y.encodeStateAsUpdate(ydoc));
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, sourceDoc);
    try {
      const moved = await target.read((targetDoc) =>
        reanchorMoved(scratch, threads, range, targetDoc, at),
      );
      const done = new Set<number>();
      for (const { id, anchor } of moved) {
        store.moveThread(id, toId, anchor);
        done.add(id);
      }
      if (all) {
        for (const thread of threads) {
          if (!done.has(thread.id)) store.moveThread(thread.id, toId, thread.anchor);
        }
      }
    } finally {
      scratch.destroy();
    }
  }

  /**
   * Marks a structural change of a section (renamed, moved, archived, restored) in its history: a
   * kept point of kind `outline` named `label`, holding the text as it is (nothing of it changes).
   */
  async recordInHistory(sectionId: string, label: string, userId: number): Promise<void> {
    await recordOutlineChange(this.deps, sectionId, label, userId);
  }

  #refuseLocked(sectionId: string, what: string): void {
    if (isLocked(this.deps.workflow.get(sectionId).status)) {
      throw conflict(
        "section_locked",
        `Section '${sectionId}' is approved (locked): reopen it before you ${what} it`,
      );
    }
  }

  async #withSection<T>(sectionId: string, run: (c: DirectConnection) => Promise<T>): Promise<T> {
    const connection = await this.deps.collab.openDirectConnection(sectionId);
    try {
      return await run(connection);
    } finally {
      connection.disconnect();
    }
  }
}
