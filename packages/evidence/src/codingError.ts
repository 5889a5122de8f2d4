/** Why a coding change was refused: `invalid` (400), `not_found` (404) or `conflict` (409). */
export type CodingErrorKind = "invalid" | "not_found" | "conflict";

/** A refused change of the codebook or of the excerpts, with a stable id and a message for people. */
export class CodingError extends Error {
  constructor(
    readonly kind: CodingErrorKind,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = "CodingError";
  }
}
