import { describe, expect, it } from "vitest";
import type { ApiDependencies } from "./ApiDependencies";
import { apiRouter } from "./apiRouter";
import { API_ROUTES } from "./apiRouteTable";

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe("apiRouter", () => {
  it("mounts exactly the routes of the table, public ones before the session check", () => {
    const router = apiRouter({
      maxBodyBytes: 1024,
      maxImportBytes: 1024,
    } as ApiDependencies) as unknown as {
      stack: Layer[];
    };
    const mounted = router.stack.map((layer) =>
      layer.route
        ? `${Object.keys(layer.route.methods).join(",")} ${layer.route.path}`
        : "(session check)",
    );
    const expected = (access: "public" | "other") =>
      Object.values(API_ROUTES)
        .filter((r) => (r.access === "public") === (access === "public"))
        .map((r) => `${r.method} ${r.path}`);
    expect(mounted).toEqual([...expected("public"), "(session check)", ...expected("other")]);
  });
});
