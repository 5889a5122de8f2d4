import { z } from "zod";
import { MAX_SECTION_ID_LENGTH, SECTION_ID_PATTERN } from "./sectionId";

const slug = z
  .string()
  .max(MAX_SECTION_ID_LENGTH)
  .regex(SECTION_ID_PATTERN, "must be a lower-case slug such as 'p1-access'");

/** Validates the outline file; cross-references are checked by {@link parseOutline}. */
export const outlineSchema = z.object({
  report: z.object({
    title: z.string().min(1),
    shortTitle: z.string().min(1),
    symbol: z.string().min(1),
    targetRange: z
      .object({ min: z.number().int().positive(), max: z.number().int().positive() })
      .refine((r) => r.min <= r.max, "targetRange.min must not exceed targetRange.max"),
  }),
  parts: z
    .array(
      z.object({
        id: slug,
        title: z.string().min(1),
        // Printed before the contents, unnumbered (the Summary); still edited and budgeted.
        frontMatter: z.boolean().optional(),
      }),
    )
    .min(1),
  sections: z
    .array(
      z.object({
        id: slug,
        part: slug,
        title: z.string().min(1),
        budget: z.number().int().nonnegative(),
        // Sections added in the app may have no guidance yet.
        guidance: z.string(),
      }),
    )
    .min(1),
});

/** The report outline: parts and sections in reading order. */
export type Outline = z.infer<typeof outlineSchema>;
/** One section of the outline: a unit of co-editing with its own document. */
export type OutlineSection = Outline["sections"][number];
/** One part of the outline (Introduction, Part 1, ...). */
export type OutlinePart = Outline["parts"][number];
