import { z } from "zod";

/** The report's target length in words, both bounds included. */
export interface TargetRange {
  min: number;
  max: number;
}

/** Largest target a report may have (a guard against typing errors, far above any report). */
export const MAX_TARGET_WORDS = 10_000_000;

/** Validates a target range: whole positive numbers, `min` not above `max`. */
export const targetRangeSchema = z
  .object({
    min: z.number().int().positive().max(MAX_TARGET_WORDS),
    max: z.number().int().positive().max(MAX_TARGET_WORDS),
  })
  .strict()
  .refine((range) => range.min <= range.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
