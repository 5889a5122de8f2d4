import { z } from "zod";
import { addDays, isCalendarDay } from "./calendarDay";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug such as 'drafting'")
  .max(64);

/** A month (`YYYY-MM`) or a day (`YYYY-MM-DD`). */
const period = z
  .string()
  .refine(
    (value) => (/^\d{4}-\d{2}$/.test(value) ? isCalendarDay(`${value}-01`) : isCalendarDay(value)),
    "must be a month (YYYY-MM) or a day (YYYY-MM-DD)",
  );

/** First day of a month or day period. */
export function periodStart(period: string): string {
  return period.length === 7 ? `${period}-01` : period;
}

/** Last day of a month or day period. */
export function periodEnd(period: string): string {
  if (period.length !== 7) return period;
  const [year, month] = period.split("-").map(Number) as [number, number];
  const next =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** One step of the review's timetable. */
export const milestoneSchema = z
  .object({
    id: slug,
    label: z.string().trim().min(1).max(200),
    start: period,
    end: period,
  })
  .strict()
  .refine((m) => periodStart(m.start) <= periodEnd(m.end), {
    message: "end must not come before start",
    path: ["end"],
  });

/** One step of the timetable: `start` and `end` are months (`YYYY-MM`) or days. */
export type Milestone = z.infer<typeof milestoneSchema>;

/** Validates a timetable: 1 to 50 milestones with unique ids. */
export const timetableSchema = z
  .object({ milestones: z.array(milestoneSchema).min(1).max(50) })
  .strict()
  .refine((t) => new Set(t.milestones.map((m) => m.id)).size === t.milestones.length, {
    message: "milestone ids must be unique",
    path: ["milestones"],
  });

/** The review's timetable (content/timetable.yaml, or the editors' replacement). */
export type Timetable = z.infer<typeof timetableSchema>;

/** Id of the milestone whose end is the drafting deadline of the projection. */
export const DRAFTING_MILESTONE = "drafting";

/** Last day of the drafting milestone, or null when the timetable has none. */
export function draftingDeadline(timetable: Timetable): string | null {
  const drafting = timetable.milestones.find((m) => m.id === DRAFTING_MILESTONE);
  return drafting ? periodEnd(drafting.end) : null;
}
