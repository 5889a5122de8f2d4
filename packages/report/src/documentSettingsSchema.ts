import type { DocumentSettings } from "@rapporteur/api";
import { z } from "zod";

const line = (max = 200) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine(
      (s) => ![...s].some((c) => c.charCodeAt(0) < 0x20),
      "must be one line without control characters",
    );

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
  }, "must be a real calendar date");

/**
 * A change of the document settings (`PUT /api/report/settings`): any subset of the fields;
 * `issueDate: null` goes back to the day of each export. Unknown fields are refused.
 */
export const documentSettingsChangeSchema = z
  .object({
    symbol: line(60).refine((s) => s.length > 0, "must not be empty"),
    distribution: line(60),
    issueDate: isoDay.nullable(),
    originalLanguage: line(60),
    commission: line(),
    session: line(),
    place: line(),
    agendaItem: line(),
    agendaTitle: line(400),
    agendaSymbol: line(60),
    title: line(400).refine((s) => s.length > 0, "must not be empty"),
    byline: line(),
    jobNumber: line(60),
    advanceUnedited: z.boolean(),
  } satisfies Record<keyof DocumentSettings, z.ZodType>)
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, "give at least one setting to change");

/** A validated change of the document settings. */
export type DocumentSettingsChange = Partial<DocumentSettings>;
