import { describe, expect, it } from "vitest";
import { ApiError } from "../api/ApiError";
import { isOutlineConflict, outlineChangeProblem } from "./outlineChangeProblem";

describe("outlineChangeProblem", () => {
  it("explains a conflict and says the outline shown is current", () => {
    const conflict = new ApiError(409, "outline-conflict", "The outline has changed since.");
    expect(outlineChangeProblem(conflict)).toMatch(
      /^Another editor changed the outline at the same time.*The outline has changed since\. The outline shown is now up to date/,
    );
    expect(isOutlineConflict(conflict)).toBe(true);
  });

  it("passes other refusals on as the server words them", () => {
    const refused = new ApiError(403, "forbidden", "Only editors can change the outline.");
    expect(outlineChangeProblem(refused)).toBe("Only editors can change the outline.");
    expect(isOutlineConflict(refused)).toBe(false);
    expect(outlineChangeProblem(new Error("offline"))).toBe("offline");
  });
});
