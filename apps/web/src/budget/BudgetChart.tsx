import type { BudgetView } from "@rapporteur/api";
import { formatDay } from "@rapporteur/budget/rules";
import { useId } from "react";
import { formatNumber } from "../layout/formatNumber";
import { TableHead } from "../ui/TableHead";
import { budgetChartLayout, chartHistory } from "./budgetChartLayout";

/**
 * Counted words over time (the server's daily history) against the drafting timetable: the
 * target range as a band, the drafting period shaded with its deadline, the pace projected from
 * today, and one lane per milestone. Inline SVG with a title and description; the same figures
 * follow as tables for those who cannot see the chart.
 */
export function BudgetChart({ budget }: { budget: BudgetView }) {
  const id = useId();
  const layout = budgetChartLayout(budget);
  const { plot, targetBand } = layout;
  const { min, max } = budget.targetRange;
  const history = chartHistory(budget);
  const description =
    `Counted words per day from ${formatDay(history[0]?.date ?? budget.today)} to ` +
    `${formatDay(budget.today)}: now ${formatNumber(budget.totals.counted)} words, against a ` +
    `target of ${formatNumber(min)} to ${formatNumber(max)}.` +
    (budget.deadline ? ` Drafting ends on ${formatDay(budget.deadline)}.` : "");
  const line = layout.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");

  return (
    <figure className="budget-chart" data-testid="budget-chart">
      <svg
        className="budget-chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>Words over time against the drafting timetable</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.drafting && (
          <rect
            className="budget-chart__drafting"
            x={layout.drafting.x}
            y={plot.top}
            width={layout.drafting.width}
            height={plot.bottom - plot.top}
          />
        )}
        {layout.yTicks.map((tick) => (
          <line
            key={tick.label}
            className="budget-chart__grid"
            x1={plot.left}
            x2={plot.right}
            y1={tick.y}
            y2={tick.y}
          />
        ))}
        <rect
          className="budget-chart__target"
          x={plot.left}
          y={targetBand.y}
          width={plot.right - plot.left}
          height={targetBand.height}
        />
        <text className="budget-chart__band-label" x={plot.left + 6} y={targetBand.y + 13}>
          Target {formatNumber(min)}–{formatNumber(max)}
        </text>
        {layout.yTicks.map((tick) => (
          <text
            key={tick.label}
            className="budget-chart__tick"
            x={plot.left - 8}
            y={tick.y + 4}
            textAnchor="end"
          >
            {tick.label}
          </text>
        ))}
        {layout.xTicks.map((tick) => (
          <g key={tick.label}>
            <line
              className="budget-chart__axis"
              x1={tick.x}
              x2={tick.x}
              y1={plot.bottom}
              y2={plot.bottom + 4}
            />
            <text
              className="budget-chart__tick"
              x={tick.x}
              y={plot.bottom + 17}
              textAnchor="middle"
            >
              {tick.label}
            </text>
          </g>
        ))}
        <line
          className="budget-chart__axis"
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
        />
        {layout.deadline && (
          <DayMarker
            className="budget-chart__deadline"
            x={layout.deadline.x}
            plot={plot}
            labelY={plot.top + 10}
            label="Drafting deadline"
          />
        )}
        <DayMarker
          className="budget-chart__today"
          x={layout.today.x}
          plot={plot}
          labelY={plot.bottom - 6}
          label="Today"
        />
        {layout.projection && (
          <line
            className="budget-chart__projection"
            x1={layout.projection.x1}
            y1={layout.projection.y1}
            x2={layout.projection.x2}
            y2={layout.projection.y2}
          />
        )}
        {layout.points.length > 1 && <polyline className="budget-chart__line" points={line} />}
        {layout.points.map((p) => (
          <circle key={p.date} className="budget-chart__point" cx={p.x} cy={p.y} r={3}>
            <title>{`${formatDay(p.date)}: ${formatNumber(p.words)} words`}</title>
          </circle>
        ))}
        {layout.lanes.map((lane) => (
          <g key={lane.id}>
            <rect
              className={`budget-chart__lane${lane.id === "drafting" ? " is-drafting" : ""}`}
              x={lane.x}
              y={lane.y}
              width={lane.width}
              height={12}
              rx={2}
            />
            <text
              className="budget-chart__lane-label"
              x={lane.labelX}
              y={lane.y + 10}
              textAnchor={lane.labelAnchor}
            >
              {lane.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="budget-chart__legend">
        <span className="legend legend--line">Counted words</span>
        <span className="legend legend--projection">Current pace</span>
        <span className="legend legend--target">Target range</span>
        <span className="legend legend--drafting">Drafting period</span>
      </figcaption>
      <details className="budget-chart__data">
        <summary>Show the chart's figures as tables</summary>
        <div className="budget-chart__tables">
          <table className="data-table data-table--dense" data-testid="budget-history-table">
            <caption>Counted words at the end of each day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Words</th>
              </tr>
            </thead>
            <tbody>
              {history.map((day) => (
                <tr key={day.date}>
                  <td>{formatDay(day.date)}</td>
                  <td className="num">{formatNumber(day.words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table data-table--dense">
            <caption>Timetable</caption>
            <TableHead columns={["Milestone", "From", "To"]} />
            <tbody>
              {budget.timetable.map((m) => (
                <tr key={m.id}>
                  <td>{m.label}</td>
                  <td>{formatDay(m.start)}</td>
                  <td>{formatDay(m.end)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A day of the chart (today, the deadline): a vertical line across the plot, labelled on its left. */
function DayMarker({
  className,
  x,
  plot,
  labelY,
  label,
}: {
  className: string;
  x: number;
  plot: { top: number; bottom: number };
  labelY: number;
  label: string;
}) {
  return (
    <g>
      <line className={className} x1={x} x2={x} y1={plot.top} y2={plot.bottom} />
      <text className="budget-chart__marker-label" x={x - 4} y={labelY} textAnchor="end">
        {label}
      </text>
    </g>
  );
}
