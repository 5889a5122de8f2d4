import type { CommentAnchor, CommentThread } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";

/** Filters of the Review page (`GET /api/comments`). */
export interface CommentFilter {
  section?: string;
  author?: number;
  state?: "open" | "resolved";
}

/** The query string of a filter, with its leading `?` (empty without filters). */
export function commentQuery(filter: CommentFilter): string {
  const params = new URLSearchParams();
  if (filter.section) params.set("section", filter.section);
  if (filter.author !== undefined) params.set("author", String(filter.author));
  if (filter.state) params.set("state", filter.state);
  const query = params.toString();
  return query ? `?${query}` : "";
}

const thread = (id: number) => `/comments/${encodeURIComponent(String(id))}`;

/** Calls of the comment API; each resolves with the changed thread (or nothing for deletions). */
export const commentsApi = {
  sectionThreads: (sectionId: string, signal?: AbortSignal) =>
    apiRequest<{ threads: CommentThread[] }>(
      `/sections/${encodeURIComponent(sectionId)}/comments`,
      { signal },
    ).then((answer) => answer.threads),
  allThreads: (filter: CommentFilter, signal?: AbortSignal) =>
    apiRequest<{ threads: CommentThread[] }>(`/comments${commentQuery(filter)}`, { signal }).then(
      (answer) => answer.threads,
    ),
  create: (
    sectionId: string,
    body: { anchor: CommentAnchor; text: string; suggestion?: { replacement: string } },
  ) =>
    apiRequest<CommentThread>(`/sections/${encodeURIComponent(sectionId)}/comments`, {
      method: "POST",
      body,
    }),
  reply: (id: number, text: string) =>
    apiRequest<CommentThread>(`${thread(id)}/replies`, { method: "POST", body: { text } }),
  resolve: (id: number) => apiRequest<CommentThread>(`${thread(id)}/resolve`, { method: "POST" }),
  reopen: (id: number) => apiRequest<CommentThread>(`${thread(id)}/reopen`, { method: "POST" }),
  edit: (id: number, change: { text?: string; replacement?: string }) =>
    apiRequest<CommentThread>(thread(id), { method: "PATCH", body: change }),
  remove: (id: number) => apiRequest<null>(thread(id), { method: "DELETE" }),
  accept: (id: number) =>
    apiRequest<CommentThread>(`${thread(id)}/suggestion/accept`, { method: "POST" }),
  reject: (id: number) =>
    apiRequest<CommentThread>(`${thread(id)}/suggestion/reject`, { method: "POST" }),
  editReply: (id: number, text: string) =>
    apiRequest<CommentThread>(`/replies/${id}`, { method: "PATCH", body: { text } }),
  removeReply: (id: number) => apiRequest<null>(`/replies/${id}`, { method: "DELETE" }),
};
