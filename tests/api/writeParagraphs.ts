import { replaceYDocContent } from "@rapporteur/schema";
import type { CollabClient } from "../support/collabClient";
import type { ServerSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";

/**
 * Replaces a section's text with `texts` as paragraphs through a connected client, and resolves
 * once the suite's server has stored and applied the edit: its word count, read by the reviewer,
 * shows the new words, and its Markdown export holds the last paragraph (a count alone may be
 * that of the text replaced).
 */
export async function writeParagraphs(
  suite: ServerSuite,
  client: CollabClient,
  ...texts: string[]
): Promise<void> {
  replaceYDocContent(client.doc, {
    type: "doc",
    content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  } as never);
  const words = texts.join(" ").split(" ").length;
  await pollUntil(
    async () => (await suite.api("reviewer", "GET", `/sections/${client.provider.roomname}`)).body,
    (section) => section.words === words,
    "the server to store the edit",
  );
  const last = texts.at(-1);
  if (last === undefined) return;
  await pollUntil(
    async () =>
      (await suite.exportFile("reviewer", `format=md&section=${client.provider.roomname}`)).text,
    (markdown) => markdown.includes(last),
    "the server to apply the edit",
  );
}
