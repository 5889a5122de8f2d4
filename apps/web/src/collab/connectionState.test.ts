import { describe, expect, it } from "vitest";
import { type ConnectionFacts, deriveConnectionState } from "./connectionState";

const base: ConnectionFacts = {
  browserOnline: true,
  status: "connected",
  synced: true,
  failedSinceLastConnection: false,
};

describe("deriveConnectionState", () => {
  it.each<[Partial<ConnectionFacts>, string]>([
    [{}, "connected"],
    [{ synced: false }, "syncing"],
    [{ status: "connecting", synced: false }, "syncing"],
    [{ status: "connecting", synced: false, failedSinceLastConnection: true }, "offline"],
    [{ status: "disconnected", synced: false }, "offline"],
    [{ browserOnline: false }, "offline"],
  ])("%j shows %s", (facts, expected) => {
    expect(deriveConnectionState({ ...base, ...facts })).toBe(expected);
  });
});
