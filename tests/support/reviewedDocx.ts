// A hand-made reviewed Word file (tracked changes by several authors, comments with replies).
export {
  type ReviewedComment,
  type ReviewedPiece,
  reviewedDocx,
} from "../../packages/docx-import/src/testing/reviewedDocx";
