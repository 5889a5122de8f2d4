import type { z } from "zod";
import { badRequest } from "./errors";

/** Where a request input comes from; the error id is `invalid_<where>`. */
export type InputPlace = "body" | "query" | "parameter";

/**
 * Validates one input of a request with a zod schema. On failure throws 400 `invalid_<where>`
 * whose message names each bad field and what it must be ("body.role: Invalid option: ...").
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: InputPlace,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = [where, ...issue.path.map(String)].join(".");
    return `${field}: ${issue.message}`;
  });
  throw badRequest(`invalid_${where}`, `Invalid request: ${problems.join("; ")}`);
}
