import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../../apps/server/src/http/apiRouteTable";
import { API_METHODS, API_PATHS } from "../../packages/api/src/apiPaths";

describe("the route table of @rapporteur/api", () => {
  it("names every route the server mounts, with the server's path and method", () => {
    const server = Object.entries(API_ROUTES).map(([name, route]) => [
      name,
      route.method.toUpperCase(),
      route.path,
    ]);
    const contract = Object.entries(API_PATHS).map(([name, path]) => [
      name,
      API_METHODS[name as keyof typeof API_METHODS],
      path,
    ]);
    expect(contract.sort()).toEqual(server.sort());
  });
});
