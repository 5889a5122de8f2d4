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
    for (const variable of ENV_VARIABLES) {
      if (variable.name === "RAPPORTEUR_OUTLINE" || variable.name === "RAPPORTEUR_WEB_DIST")
        continue;
      expect(String(env[variable.name as keyof typeof env]), variable.name).toBe(variable.default);
    }
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
});
