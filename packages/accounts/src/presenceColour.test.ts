import { describe, expect, it } from "vitest";
import { colourForName, PRESENCE_COLOURS } from "./presenceColour";

describe("colourForName", () => {
  it("gives a person the same colour on every visit, whatever the case or spacing", () => {
    expect(colourForName("Amina Diallo")).toBe(colourForName("  amina diallo "));
  });

  it("returns a colour the caret extension accepts (#rrggbb)", () => {
    for (const name of ["", "Ben", "Zhang Wei", "Ōta"]) {
      expect(colourForName(name)).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("spreads a drafting team over several colours", () => {
    const team = ["Amina", "Ben", "Carla", "Dmitri", "Esi", "Farid", "Grace", "Hiro"];
    expect(new Set(team.map(colourForName)).size).toBeGreaterThanOrEqual(5);
    expect(PRESENCE_COLOURS).toContain(colourForName("Amina"));
  });
});
