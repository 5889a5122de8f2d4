import type { CommentAnchor } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";

/** Filters of the Review page (`GET /api/comments`). */
export interface CommentFilter {
  section?: string;
  author?: number;
  state?: "open" | "resolved";
}

/** The query string of a filter, without `?` (empty without filters). */
export function commentQuery(filter: CommentFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.section) params.set("section", filter.section);
  if (filter.author !== undefined) params.set("author", String(filter.author));
  if (filter.state) params.set("state", filter.state);
  return params;
}

/** Calls of the comment API; each resolves with the changed thread (or nothing for deletions). */
export const commentsApi = {
  sectionThreads: (sectionId: string, signal?: AbortSignal) =>
    apiRequest("sectionComments", { params: { id: sectionId }, signal }).then(
      (answer) => answer.threads,
    ),
  allThreads: (filter: CommentFilter, signal?: AbortSignal) =>
    apiRequest("listComments", { query: commentQuery(filter), signal }).then(
      (answer) => answer.threads,
    ),
  create: (
    sectionId: string,
    body: { anchor: CommentAnchor; text: string; suggestion?: { replacement: string } },
  ) => apiRequest("createComment", { params: { id: sectionId }, body }),
  reply: (id: number, text: string) =>
    apiRequest("replyToComment", { params: { id }, body: { text } }),
  resolve: (id: number) => apiRequest("resolveComment", { params: { id } }),
  reopen: (id: number) => apiRequest("reopenComment", { params: { id } }),
  edit: (id: number, change: { text?: string; replacement?: string }) =>
    apiRequest("editComment", { params: { id }, body: change }),
  remove: (id: number) => apiRequest("deleteComment", { params: { id } }),
  accept: (id: number) => apiRequest("acceptSuggestion", { params: { id } }),
  reject: (id: number) => apiRequest("rejectSuggestion", { params: { id } }),
  editReply: (id: number, text: string) =>
    apiRequest("editReply", { params: { id }, body: { text } }),
  removeReply: (id: number) => apiRequest("deleteReply", { params: { id } }),
};
