import { describe, expect, it } from "vitest";
import { HostPolicy, parsePublicOrigins } from "./HostPolicy";

describe("HostPolicy", () => {
  const development = new HostPolicy([], "drafting-box.unctad.local");
  it.each([
    ["127.0.0.1:3000", true],
    ["10.0.0.5", true],
    ["[::1]:3000", true],
    ["localhost:3000", true],
    ["app.localhost:3000", true],
    ["drafting-box.unctad.local:3000", true],
    ["DRAFTING-BOX:3000", true],
    ["attacker.example:3000", false],
    ["127.0.0.1.attacker.example", false],
    ["localhost.attacker.example", false],
    ["", false],
    [undefined, false],
  ])("without public origins, Host %s -> %s", (host, expected) => {
    expect(development.allowsHost(host)).toBe(expected);
  });

  it("refuses a DNS-rebinding request even though its Origin matches its Host", () => {
    expect(development.allowsOrigin("http://attacker.example:3000", "attacker.example:3000")).toBe(
      false,
    );
    expect(development.allowsOrigin("http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(true);
    expect(development.allowsOrigin("http://localhost:3001", "localhost:3000")).toBe(false);
  });

  it("with public origins, accepts their hosts and origins only, scheme included", () => {
    const policy = new HostPolicy(
      parsePublicOrigins("https://rapporteur.example.org, http://10.0.0.5:3000"),
      "drafting-box",
    );
    expect(policy.allowsHost("rapporteur.example.org")).toBe(true);
    expect(policy.allowsHost("rapporteur.example.org:443")).toBe(true);
    expect(policy.allowsHost("10.0.0.5:3000")).toBe(true);
    expect(policy.allowsHost("127.0.0.1:3000")).toBe(false);
    expect(policy.allowsHost("localhost:3000")).toBe(false);
    expect(policy.allowsHost("drafting-box")).toBe(false);
    expect(policy.allowsOrigin("https://rapporteur.example.org", "rapporteur.example.org")).toBe(
      true,
    );
    expect(policy.allowsOrigin("http://rapporteur.example.org", "rapporteur.example.org")).toBe(
      false,
    );
    expect(policy.allowsOrigin("http://10.0.0.5:3000", "rapporteur.example.org")).toBe(false);
    expect(policy.hostRefusal("127.0.0.1:3000")).toMatch(/https:\/\/rapporteur\.example\.org/);
  });

  it("parses a list of origins and refuses what is not one", () => {
    expect(parsePublicOrigins(" https://A.example.org:443 ,, http://b.example:8080 ")).toEqual([
      "https://a.example.org",
      "http://b.example:8080",
    ]);
    expect(() => parsePublicOrigins("a.example.org")).toThrow(/not an origin/);
    expect(() => parsePublicOrigins("ftp://a.example.org")).toThrow(/https:\/\//);
    expect(() => parsePublicOrigins("https://a.example.org/app")).toThrow(/without a path/);
  });
});
