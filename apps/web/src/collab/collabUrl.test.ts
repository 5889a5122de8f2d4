import { describe, expect, it } from "vitest";
import { collabUrl } from "./collabUrl";

describe("collabUrl", () => {
  it("connects a report's sections below its id, over wss on https", () => {
    expect(collabUrl({ protocol: "https:", host: "rapporteur.example" }, 2)).toBe(
      "wss://rapporteur.example/collab/2",
    );
    expect(collabUrl({ protocol: "http:", host: "127.0.0.1:3000" }, 1)).toBe(
      "ws://127.0.0.1:3000/collab/1",
    );
  });
});
