import { type CloseCodeValue, closeReason } from "./closeCodes";

/**
 * Thrown by the pipeline or by an extension hook to end a connection with a typed close code and a
 * human reason (e.g. `throw new CollabRefusal(CloseCode.forbidden, "This section is locked")`).
 */
export class CollabRefusal extends Error {
  override name = "CollabRefusal";
  constructor(
    readonly code: CloseCodeValue,
    reason: string,
  ) {
    super(closeReason(reason));
  }
}
