import { type ApiAnswers, isSectionId } from "@rapporteur/api";
import type { CommentActor } from "@rapporteur/comments";
import { canEditText } from "@rapporteur/workflow";
import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { commentHttpError } from "../../comments/commentHttpError";
import { ServerWorkers } from "../../workers/ServerWorkers";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { workerJobHttpError } from "../workerJobHttpError";

type CommentRoute =
  | "sectionComments"
  | "createComment"
  | "listComments"
  | "commentMatrixCsv"
  | "commentMatrixDocx"
  | "replyToComment"
  | "resolveComment"
  | "reopenComment"
  | "editComment"
  | "deleteComment"
  | "acceptSuggestion"
  | "rejectSuggestion"
  | "editReply"
  | "deleteReply";

const idParameter = z.object({ id: z.string().regex(/^[1-9][0-9]{0,14}$/, "a comment id") });
const noBody = z.union([z.undefined(), z.strictObject({})]);
const createBody = z.strictObject({
  // Checked by the comment service, so that a bad anchor is refused as `invalid_anchor`.
  anchor: z.unknown(),
  text: z.string(),
  suggestion: z.strictObject({ replacement: z.string() }).optional(),
});
const textBody = z.strictObject({ text: z.string() });
const editBody = z
  .strictObject({ text: z.string().optional(), replacement: z.string().optional() })
  .refine((body) => body.text !== undefined || body.replacement !== undefined, {
    message: "Give the new text, the new replacement or both",
  });
const listQuery = z.strictObject({
  section: z.string().refine(isSectionId, "a section id").optional(),
  author: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  state: z.enum(["open", "resolved"]).optional(),
});

function actorOf(request: Request): CommentActor {
  const { user } = requestAuth(request);
  return { id: user.id, name: user.displayName || user.username };
}

function idOf(request: Request): number {
  return Number(parseInput(idParameter, request.params, "parameter").id);
}

/** Runs a handler, answering the comment store's refusals with their HTTP status. */
function handle(run: (request: Request, response: Response) => unknown): RequestHandler {
  return async (request, response) => {
    try {
      await run(request, response);
    } catch (error) {
      throw commentHttpError(error);
    }
  };
}

function attachment(response: Response, type: string, filename: string, body: string | Buffer) {
  response.setHeader("Content-Type", type);
  response.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  response.send(body);
}

/**
 * Handlers of the comment routes: threads of a section, replies, resolving, editing and deleting
 * (authors only, checked by the store), suggestions (decided by those who may edit the section's
 * text), the Review page's list and the comment/response matrix.
 */
export function commentHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, CommentRoute> {
  const { outline, workflow } = deps;
  const workers = deps.workers ?? new ServerWorkers({ importTimeoutMs: deps.importTimeoutMs });
  // Read when a request comes: the router is also built without a comment service (its tests).
  const comments = () => deps.comments;
  const store = () => deps.comments.store;

  const mayDecide = (request: Request, threadId: number) => {
    const { user } = requestAuth(request);
    const thread = store().getThread(threadId);
    if (!thread) return; // the store answers not_found
    if (!canEditText(user.role, workflow.get(thread.sectionId).status)) {
      throw forbidden(
        "cannot_decide_suggestion",
        user.role === "reviewer"
          ? "Reviewers cannot accept or reject suggestions: a drafter or editor decides"
          : "This section is approved and locked: only an editor can accept or reject suggestions",
      );
    }
  };

  /** Accepts or rejects a thread's suggestion, for those who may edit the section's text. */
  const decide = (route: "acceptSuggestion" | "rejectSuggestion") =>
    handle(async (request, response) => {
      const id = idOf(request);
      parseInput(noBody, request.body, "body");
      mayDecide(request, id);
      const answer: ApiAnswers[typeof route] = await comments()[route](id, actorOf(request));
      response.json(answer);
    });

  const sectionTitles = () =>
    Object.fromEntries(outline.current().sections.map((section) => [section.id, section.title]));

  const filtered = (request: Request) => {
    const query = parseInput(listQuery, request.query, "query");
    return comments().threads({
      sectionId: query.section,
      authorId: query.author,
      state: query.state,
    });
  };

  // Rendered in a worker thread: a long review's matrix is heavy Word work.
  const MATRIX_TYPES = {
    csv: "text/csv; charset=utf-8",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  } as const;

  /** The comment/response matrix of the filtered threads, rendered by a worker, as a download. */
  const matrix = (format: keyof typeof MATRIX_TYPES) =>
    handle(async (request, response) => {
      const bytes = await workers
        .renderMatrix({
          format,
          threads: await filtered(request),
          title: `${outline.current().report.shortTitle}: comment/response matrix`,
          sectionTitles: sectionTitles(),
        })
        .catch((error: unknown) => {
          throw workerJobHttpError(error, "matrix");
        });
      attachment(
        response,
        MATRIX_TYPES[format],
        `comment-response-matrix.${format}`,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
    });

  return {
    sectionComments: handle(async (request, response) => {
      const section = sectionFromPath(outline, request.params.id);
      response.json({
        threads: await comments().sectionThreads(section.id),
      } satisfies ApiAnswers["sectionComments"]);
    }),

    createComment: handle(async (request, response) => {
      const section = sectionFromPath(outline, request.params.id);
      const body = parseInput(createBody, request.body, "body");
      const thread = await comments().createThread(section.id, body, actorOf(request));
      response.status(201).json(thread satisfies ApiAnswers["createComment"]);
    }),

    listComments: handle(async (request, response) => {
      response.json({ threads: await filtered(request) } satisfies ApiAnswers["listComments"]);
    }),

    commentMatrixCsv: matrix("csv"),

    commentMatrixDocx: matrix("docx"),

    replyToComment: handle((request, response) => {
      const id = idOf(request);
      const { text } = parseInput(textBody, request.body, "body");
      const reply = store().addReply(id, text, actorOf(request));
      response.status(201).json(store().getThread(reply.threadId));
    }),

    resolveComment: handle((request, response) => {
      const id = idOf(request);
      parseInput(noBody, request.body, "body");
      response.json(store().resolve(id, actorOf(request)) satisfies ApiAnswers["resolveComment"]);
    }),

    reopenComment: handle((request, response) => {
      const id = idOf(request);
      parseInput(noBody, request.body, "body");
      response.json(store().reopen(id, actorOf(request)) satisfies ApiAnswers["reopenComment"]);
    }),

    editComment: handle((request, response) => {
      const id = idOf(request);
      const change = parseInput(editBody, request.body, "body");
      response.json(
        store().editComment(id, change, actorOf(request)) satisfies ApiAnswers["editComment"],
      );
    }),

    deleteComment: handle((request, response) => {
      const id = idOf(request);
      store().deleteThread(id, actorOf(request));
      response.status(204).end();
    }),

    acceptSuggestion: decide("acceptSuggestion"),

    rejectSuggestion: decide("rejectSuggestion"),

    editReply: handle((request, response) => {
      const id = idOf(request);
      const { text } = parseInput(textBody, request.body, "body");
      const reply = store().editReply(id, text, actorOf(request));
      response.json(store().getThread(reply.threadId));
    }),

    deleteReply: handle((request, response) => {
      store().deleteReply(idOf(request), actorOf(request));
      response.status(204).end();
    }),
  };
}
