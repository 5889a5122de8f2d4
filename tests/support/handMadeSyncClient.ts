// The raw protocol client is RawCollabClient (apps/server/src/testing); this name stays for the
// tests that import it from here.
export { RawCollabClient as HandMadeSyncClient } from "../../apps/server/src/testing/RawCollabClient";
