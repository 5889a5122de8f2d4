import type { CommentReply, CommentThread } from "../commentThread";

let nextId = 1;

/** A stored-looking thread for converter tests: defaults, then `overrides`. */
export function threadFixture(
  overrides: Partial<Omit<CommentThread, "replies">> & {
    replies?: Partial<CommentReply>[];
  } = {},
): CommentThread {
  const id = nextId++;
  const { replies = [], ...rest } = overrides;
  return {
    id,
    sectionId: "p1-context",
    authorId: 2,
    authorName: "Raj Patel",
    text: "Cite the Geneva Declaration here.",
    anchor: { start: { item: { client: 1, clock: 1 } }, end: { item: { client: 1, clock: 5 } } },
    quote: "people-centred",
    state: "open",
    resolvedBy: null,
    resolvedAt: null,
    detached: false,
    suggestion: null,
    origin: null,
    createdAt: "2025-03-12T09:30:00.000Z",
    updatedAt: "2025-03-12T09:30:00.000Z",
    ...rest,
    replies: replies.map((reply, index) => ({
      id: id * 100 + index,
      threadId: id,
      authorId: 1,
      authorName: "Amina Diallo",
      text: "Done.",
      origin: null,
      createdAt: "2025-03-13T10:00:00.000Z",
      updatedAt: "2025-03-13T10:00:00.000Z",
      ...reply,
    })),
  };
}

/** Threads that exercise every column of the comment/response matrix. */
export function matrixFixture(): CommentThread[] {
  return [
    threadFixture({
      text: 'Say "people-centred, inclusive"\nand cite the Declaration, para. 1.',
      replies: [
        { text: "Added the citation." },
        { authorName: "Raj Patel", text: "Thanks, looks good,\nresolving." },
      ],
      state: "resolved",
      resolvedBy: { id: 2, name: "Raj Patel" },
      resolvedAt: "2025-03-14T08:00:00.000Z",
    }),
    threadFixture({
      sectionId: "p2-gaps",
      quote: "<b>affordability</b>",
      text: "<img src=x onerror=alert(1)>",
      replies: [{ text: "<script>alert('reply')</script>" }],
    }),
    threadFixture({
      sectionId: "unknown-section",
      authorName: "@evil",
      text: '=HYPERLINK("http://example.com","click")',
      replies: [{ authorName: "=cmd", text: "-2+3" }],
    }),
    threadFixture({
      text: "Use the official term.",
      quote: "grown",
      detached: true,
      suggestion: {
        replacement: "expanded",
        state: "accepted",
        decidedBy: { id: 1, name: "Amina Diallo" },
        decidedAt: "2025-03-15T08:00:00.000Z",
      },
    }),
  ];
}
