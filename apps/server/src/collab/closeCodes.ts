// The codes are part of the contract with the web app: @rapporteur/api owns them.
export { CloseCode, type CloseCodeValue } from "@rapporteur/api";

/** WebSocket close reasons may hold at most 123 bytes of UTF-8. */
const MAX_REASON_BYTES = 123;

/** Shortens `reason` to what a close frame can carry, without cutting a character in half. */
export function closeReason(reason: string): string {
  if (Buffer.byteLength(reason) <= MAX_REASON_BYTES) return reason;
  let cut = reason;
  while (Buffer.byteLength(`${cut}…`) > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}
