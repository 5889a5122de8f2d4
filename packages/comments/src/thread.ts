export type { CommentAnchor, RelativePositionJSON } from "./commentAnchor";
export type { UnplacedReviewItem } from "./placeReview";
export { commentAuthor, commentDate } from "./commentAuthor";
export type {
  CommentActor,
  CommentOrigin,
  CommentReply,
  CommentSuggestion,
  CommentThread,
  SuggestionState,
  ThreadState,
} from "./commentThread";
