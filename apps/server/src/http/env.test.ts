import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, EnvError, loadEnv } from "./env";

describe("loadEnv", () => {
  it("uses the documented defaults when nothing is set", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      RAPPORTEUR_DATA: "./data",
      RAPPORTEUR_IDLE_UNLOAD_MS: 30_000,
      RAPPORTEUR_MAX_MESSAGE_BYTES: 10 * 1024 * 1024,
    });
    // Setting every documented default explicitly gives the same configuration.
    const documented = Object.fromEntries(
      ENV_VARIABLES.filter(
        (v) =>
          !["RAPPORTEUR_OUTLINE", "RAPPORTEUR_TIMETABLE", "RAPPORTEUR_WEB_DIST"].includes(v.name),
      )
        .filter((v) => v.default !== "")
        .map((v) => [v.name, v.default]),
    );
    expect(loadEnv(documented)).toEqual(env);
    expect(env).toMatchObject({
      RAPPORTEUR_SESSION_TTL_HOURS: 12,
      RAPPORTEUR_DEMO: false,
      RAPPORTEUR_SECURE_COOKIES: false,
      RAPPORTEUR_TRUST_PROXY: 0,
    });
    expect(env.RAPPORTEUR_ADMIN_PASSWORD).toBeUndefined();
  });

  it("refuses a short admin password and a demo switch that is not 0 or 1", () => {
    const attempt = () => loadEnv({ RAPPORTEUR_ADMIN_PASSWORD: "short", RAPPORTEUR_DEMO: "yes" });
    expect(attempt).toThrow(
      /RAPPORTEUR_ADMIN_PASSWORD=\(hidden\): must have at least 10 characters/,
    );
    expect(attempt).not.toThrow(/short/);
    expect(attempt).toThrow(/RAPPORTEUR_DEMO="yes"/);
  });

  it("reads numbers and treats empty values as unset", () => {
    expect(loadEnv({ PORT: "0", RAPPORTEUR_DATA: "" })).toMatchObject({
      PORT: 0,
      RAPPORTEUR_DATA: "./data",
    });
  });

  it("names every invalid variable and what it must be", () => {
    const attempt = () => loadEnv({ PORT: "eighty", RAPPORTEUR_IDLE_UNLOAD_MS: "-5" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/PORT="eighty"/);
    expect(attempt).toThrow(/RAPPORTEUR_IDLE_UNLOAD_MS="-5"/);
  });

  it("reads the public origins as a list and refuses what is not an origin", () => {
    expect(loadEnv({}).RAPPORTEUR_PUBLIC_ORIGIN).toEqual([]);
    expect(
      loadEnv({
        RAPPORTEUR_PUBLIC_ORIGIN: "https://Rapporteur.example.org, http://10.0.0.5:3000",
      }).RAPPORTEUR_PUBLIC_ORIGIN,
    ).toEqual(["https://rapporteur.example.org", "http://10.0.0.5:3000"]);
    expect(() => loadEnv({ RAPPORTEUR_PUBLIC_ORIGIN: "rapporteur.example.org" })).toThrow(
      /RAPPORTEUR_PUBLIC_ORIGIN="rapporteur.example.org": .*not an origin/,
    );
    expect(() =>
      loadEnv({ RAPPORTEUR_PUBLIC_ORIGIN: "https://rapporteur.example.org/app" }),
    ).toThrow(/without a path/);
  });
});
