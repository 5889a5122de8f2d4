import type { AuditLog } from "@rapporteur/accounts";
import { FRAGMENT_NAME } from "@rapporteur/schema";
import * as Y from "yjs";
import type { CollabExtension, UpdateContext } from "../collab/CollabExtension";
import type { DirectConnection } from "../collab/DirectConnection";
import type { Logger } from "../Logger";
import { lostInsertions } from "./lostInsertions";
import type { MovedBlocks } from "./MovedBlocks";

/** What {@link TextRescueExtension} needs of the server. */
export interface TextRescueOptions {
  moved: MovedBlocks;
  openDirectConnection(sectionId: string): Promise<DirectConnection>;
  audit: AuditLog;
  logger: Logger;
}

/**
 * Takes text typed into blocks that a split moved away (by a client that had not heard of the
 * split yet, and that Yjs therefore dropped) to the section the blocks went to: appended there
 * as new paragraphs, recorded in its history (kind `outline`) and audited (`text_rescued`).
 * Sections no split took blocks from cost one map lookup per update. Never fails a connection.
 */
export class TextRescueExtension implements CollabExtension {
  readonly name = "text-rescue";

  constructor(private readonly options: TextRescueOptions) {}

  onChange({ documentName, document, update, origins, transaction }: UpdateContext): void {
    const { moved, logger } = this.options;
    if (!transaction || !moved.has(documentName)) return;
    let found: ReturnType<typeof lostInsertions>;
    try {
      found = lostInsertions(document.ydoc, update, transaction, (id, asParent) =>
        moved.placeOf(documentName, id, asParent),
      );
    } catch (error) {
      logger.error(`text-rescue: could not read an update to ${documentName}`, error);
      return;
    }
    for (const { block, range } of found.ids) moved.extend(documentName, block, [range]);
    const byTarget = new Map<string, string[]>();
    for (const { place, text } of found.texts) {
      if (text.trim() === "") continue;
      byTarget.set(place.into, [...(byTarget.get(place.into) ?? []), text]);
    }
    const user = origins.find((o) => o?.context.user)?.context.user as
      | { id?: number; username?: string }
      | undefined;
    for (const [into, texts] of byTarget) {
      this.#rescue(documentName, into, texts, user).catch((error) =>
        logger.error(`text-rescue: could not move text from ${documentName} to ${into}`, error),
      );
    }
  }

  async #rescue(
    from: string,
    into: string,
    texts: string[],
    user: { id?: number; username?: string } | undefined,
  ): Promise<void> {
    const { openDirectConnection, audit, logger } = this.options;
    const target = await openDirectConnection(into);
    try {
      await target.transact(
        (ydoc) => {
          const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
          const paragraphs = texts.map((text) => {
            const paragraph = new Y.XmlElement("paragraph");
            paragraph.insert(0, [new Y.XmlText(text)]);
            return paragraph;
          });
          fragment.insert(fragment.length, paragraphs);
          return true;
        },
        { userId: typeof user?.id === "number" ? user.id : null, kind: "outline" },
      );
    } finally {
      target.disconnect();
    }
    const characters = texts.reduce((sum, text) => sum + text.length, 0);
    audit.record({
      actor: user?.username ?? null,
      action: "text_rescued",
      target: from,
      detail: { section: from, into, characters },
    });
    logger.info(
      `text-rescue: ${characters} characters typed into ${from} after a split moved to ${into}`,
    );
  }
}
