import { describe, expect, it } from "vitest";
import { CloseCode } from "./closeCodes";
import { parseCollabPath } from "./parseCollabPath";

describe("parseCollabPath", () => {
  it("reads the section id and keeps query parameters", () => {
    const parsed = parseCollabPath("/collab/p1-access?token=abc");
    expect(parsed).toMatchObject({ ok: true, documentName: "p1-access" });
    if (parsed.ok) expect(parsed.params.get("token")).toBe("abc");
  });

  it("accepts a percent-encoded slug", () => {
    expect(parseCollabPath("/collab/p1%2Daccess")).toMatchObject({ documentName: "p1-access" });
  });

  it.each([
    ["/collab", /Missing section id/],
    ["/collab/", /Missing section id/],
    ["/collab/p1-access/extra", /Unexpected path/],
    ["/collab/p1-access/", /Unexpected path/],
    ["/collab/%E0%A4%A", /percent-encoding/],
    ["/collab/..%2Fapi", /Not a section id/],
    ["/collab/P1 Access", /Not a section id/],
    ["/collab/../api", /Unexpected path/],
    ["/collab/it's'; DROP TABLE x", /Not a section id/],
    [`/collab/${"a".repeat(101)}`, /Not a section id/],
    ["/collaborate/p1-access", /have the form/],
    ["/other", /have the form/],
  ])("refuses %s with 4400 and a reason", (target, reason) => {
    const parsed = parseCollabPath(target);
    expect(parsed).toMatchObject({ ok: false, code: CloseCode.badRequest });
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
