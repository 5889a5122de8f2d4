export { anchorFromTextOffsets } from "./anchorFromTextOffsets";
export { applySuggestion } from "./applySuggestion";
export { CommentError, type CommentErrorId } from "./CommentError";
export { CommentStore, type DecideOptions, type ThreadFilter } from "./CommentStore";
export {
  type CommentAnchor,
  commentAnchorSchema,
  type RelativePositionJSON,
  relativePositionSchema,
} from "./commentAnchor";
export { commentAuthor, commentDate } from "./commentAuthor";
export {
  commentText,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  quoteText,
  replacementText,
} from "./commentText";
export type * from "./commentThread";
export { findTextAnchor } from "./findTextAnchor";
export {
  MATRIX_COLUMNS,
  type MatrixOptions,
  type MatrixRow,
  matrixDate,
  matrixRows,
} from "./matrixRows";
export { matrixToCsv } from "./matrixToCsv";
export { type MatrixDocxOptions, matrixToDocx } from "./matrixToDocx";
export {
  describeChange,
  type PlacedReview,
  type PlacedReviewThread,
  placeReview,
  type UnplacedReviewItem,
} from "./placeReview";
export { reanchorMoved, textOffsetOfBlock } from "./reanchorMoved";
export { type ResolvedAnchor, resolveAnchor, resolveAnchors } from "./resolveAnchor";
export { type SplitReview, splitReview } from "./splitReview";
export { storeReview } from "./storeReview";
