export type { CommentAnchor, RelativePositionJSON } from "./commentAnchor";
export type {
  CommentActor,
  CommentReply,
  CommentSuggestion,
  CommentThread,
  SuggestionState,
  ThreadState,
} from "./commentThread";
