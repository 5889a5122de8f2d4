import { describe, expect, it } from "vitest";
import { ApiError } from "../api/ApiError";
import { signInErrorMessage } from "./signInErrorMessage";

describe("signInErrorMessage", () => {
  it("never says whether the username exists", () => {
    expect(signInErrorMessage(new ApiError(401, "invalid_credentials", "x"))).toBe(
      "Wrong username or password.",
    );
  });

  it.each([
    [60, "Too many attempts: try again in 1 minute."],
    [61, "Too many attempts: try again in 2 minutes."],
    [900, "Too many attempts: try again in 15 minutes."],
    [null, "Too many attempts: try again in a few minutes."],
  ])("tells a throttled user (Retry-After %j) when to try again", (seconds, message) => {
    expect(signInErrorMessage(new ApiError(429, "too_many_attempts", "x", seconds))).toBe(message);
  });

  it("does not show a server failure's internals", () => {
    expect(signInErrorMessage(new ApiError(500, "internal_error", "stack"))).toMatch(/could not/);
  });
});
