export type { CommentAnchor, RelativePositionJSON } from "./commentAnchor";
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
export type { UnplacedReviewItem } from "./placeReview";
