import { replaceYDocContent } from "@rapporteur/schema";
import { callApi } from "../support/callApi";
import type { CollabClient } from "../support/collabClient";
import { pollUntil } from "./apiFiles";

/**
 * Replaces a section's text with `texts` as paragraphs through a connected client, and resolves
 * once the server has stored the edit (its word count, read with `cookie`, shows the new words).
 */
export async function writeParagraphs(
  url: string,
  cookie: string,
  client: CollabClient,
  ...texts: string[]
): Promise<void> {
  replaceYDocContent(client.doc, {
    type: "doc",
    content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  } as never);
  const words = texts.join(" ").split(" ").length;
  await pollUntil(
    async () => (await callApi(url, cookie, "GET", `/sections/${client.provider.roomname}`)).body,
    (section) => section.words === words,
    "the server to store the edit",
  );
}
