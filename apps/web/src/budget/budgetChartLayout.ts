import type { BudgetView, Milestone } from "@rapporteur/api";

const DAY_MS = 86_400_000;
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** Days since 1970-01-01 of a day (`YYYY-MM-DD`). */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

/** First and last day of a milestone's period (months or days). */
function milestoneDays(milestone: Milestone): { start: number; end: number } {
  const start = milestone.start.length === 7 ? `${milestone.start}-01` : milestone.start;
  if (milestone.end.length !== 7) return { start: dayNumber(start), end: dayNumber(milestone.end) };
  const [year, month] = milestone.end.split("-").map(Number) as [number, number];
  return { start: dayNumber(start), end: Date.UTC(year, month, 0) / DAY_MS };
}

/**
 * The daily history as the chart shows it: the server's rows before today, and today's total as
 * counted now (today's row is written a little after the counts change).
 */
export function chartHistory(
  view: Pick<BudgetView, "history" | "today" | "totals">,
): { date: string; words: number }[] {
  return [
    ...view.history
      .filter((day) => day.date < view.today)
      .sort((a, b) => (a.date < b.date ? -1 : 1)),
    { date: view.today, words: view.totals.counted },
  ];
}

/** A round step for about `count` ticks up to `max`: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/** Where everything of the words-over-time chart goes, in SVG user units. */
export interface BudgetChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The target range as a horizontal band. */
  targetBand: { y: number; height: number; minY: number; maxY: number };
  /** Word axis ticks. */
  yTicks: { y: number; label: string }[];
  /** Month ticks along the time axis. */
  xTicks: { x: number; label: string }[];
  /** The daily history as a line (points in date order). */
  points: { x: number; y: number; date: string; words: number }[];
  /** Today on the time axis, and the pace projected from there (null: no progress). */
  today: { x: number };
  projection: { x1: number; y1: number; x2: number; y2: number } | null;
  /** The drafting period, shaded in the plot; the deadline as a line. */
  drafting: { x: number; width: number } | null;
  deadline: { x: number } | null;
  /** One lane per milestone under the plot. */
  lanes: {
    id: string;
    label: string;
    x: number;
    width: number;
    y: number;
    labelX: number;
    labelAnchor: "start" | "end";
  }[];
}

const WIDTH = 1000;
const PLOT_HEIGHT = 220;
const MARGIN = { left: 58, right: 18, top: 14, axis: 30 };
const LANE_HEIGHT = 18;
/** Rough width of one character of the 11 px lane labels, to keep them inside the chart. */
const CHAR_WIDTH = 5.6;

/**
 * Lays out the chart of counted words over time against the drafting timetable: the time axis
 * spans the timetable, the history and today; the word axis runs from 0 to above the target's
 * maximum. Pure, so it can be checked without a browser.
 */
export function budgetChartLayout(
  view: Pick<
    BudgetView,
    "history" | "timetable" | "targetRange" | "totals" | "projection" | "today" | "deadline"
  >,
): BudgetChartLayout {
  const today = dayNumber(view.today);
  const milestones = view.timetable.map((m) => ({ milestone: m, ...milestoneDays(m) }));
  const history = chartHistory(view);
  const historyDays = history.map((h) => dayNumber(h.date));
  const starts = [today, ...historyDays, ...milestones.map((m) => m.start)];
  const ends = [today + 1, ...historyDays.map((d) => d + 1), ...milestones.map((m) => m.end + 1)];
  const first = Math.min(...starts);
  // Some of the future stays in view, up to the projected day when it is within a year.
  const projected = view.projection.projectedDate ? dayNumber(view.projection.projectedDate) : 0;
  const ahead = projected > today && projected <= today + 365 ? projected + 1 : today + 31;
  const last = Math.max(...ends, ahead, first + 30);

  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: WIDTH - MARGIN.right,
    bottom: MARGIN.top + PLOT_HEIGHT,
  };
  const x = (day: number) =>
    plot.left + ((day - first) / (last - first)) * (plot.right - plot.left);
  const highest = Math.max(view.targetRange.max * 1.1, ...history.map((h) => h.words));
  const step = niceStep(highest, 5);
  const maxWords = Math.ceil(highest / step) * step;
  const y = (words: number) => plot.bottom - (words / maxWords) * (plot.bottom - plot.top);

  const yTicks: BudgetChartLayout["yTicks"] = [];
  for (let words = 0; words <= maxWords; words += step) {
    yTicks.push({ y: y(words), label: words.toLocaleString("en-US") });
  }

  const firstDate = new Date(first * DAY_MS);
  const months: { day: number; year: number; month: number }[] = [];
  // Date.UTC carries month 12 into the next year.
  for (let offset = 1; ; offset++) {
    const date = new Date(
      Date.UTC(firstDate.getUTCFullYear(), firstDate.getUTCMonth() + offset, 1),
    );
    const day = date.getTime() / DAY_MS;
    if (day > last) break;
    months.push({ day, year: date.getUTCFullYear(), month: date.getUTCMonth() });
  }
  const every = Math.max(1, Math.ceil(months.length / 8));
  const xTicks = months
    .filter((m) => m.month % every === 0)
    // A label centred on a tick near either end would be cut off.
    .filter((m) => x(m.day) >= plot.left + 24 && x(m.day) <= WIDTH - 30)
    .map((m) => ({ x: x(m.day), label: `${MONTH_NAMES[m.month]} ${m.year}` }));

  const points = history.map((h) => ({
    x: x(dayNumber(h.date)),
    y: y(h.words),
    date: h.date,
    words: h.words,
  }));

  let projection: BudgetChartLayout["projection"] = null;
  const { wordsPerDay } = view.projection;
  if (wordsPerDay > 0 && today < last) {
    const target = Math.min(view.targetRange.min, maxWords);
    const reach = today + Math.max(0, target - view.totals.counted) / wordsPerDay;
    const endDay = Math.min(last, reach);
    projection = {
      x1: x(today),
      y1: y(view.totals.counted),
      x2: x(endDay),
      y2: y(Math.min(maxWords, view.totals.counted + wordsPerDay * (endDay - today))),
    };
  }

  const draftingMilestone = milestones.find((m) => m.milestone.id === "drafting");
  const drafting = draftingMilestone
    ? {
        x: x(draftingMilestone.start),
        width: x(draftingMilestone.end + 1) - x(draftingMilestone.start),
      }
    : null;
  const deadline = view.deadline ? { x: x(dayNumber(view.deadline) + 1) } : null;

  const lanesTop = plot.bottom + MARGIN.axis;
  const lanes = milestones.map(({ milestone, start, end }, index) => {
    const left = x(start);
    const right = x(end + 1);
    const fitsRight = right + 6 + milestone.label.length * CHAR_WIDTH <= WIDTH - 2;
    return {
      id: milestone.id,
      label: milestone.label,
      x: left,
      width: Math.max(2, right - left),
      y: lanesTop + index * LANE_HEIGHT,
      labelX: fitsRight ? right + 6 : left - 6,
      labelAnchor: fitsRight ? ("start" as const) : ("end" as const),
    };
  });

  return {
    width: WIDTH,
    height: lanesTop + milestones.length * LANE_HEIGHT + 6,
    plot,
    targetBand: {
      y: y(view.targetRange.max),
      height: y(view.targetRange.min) - y(view.targetRange.max),
      minY: y(view.targetRange.min),
      maxY: y(view.targetRange.max),
    },
    yTicks,
    xTicks,
    points,
    today: { x: x(today) },
    projection,
    drafting,
    deadline,
    lanes,
  };
}
