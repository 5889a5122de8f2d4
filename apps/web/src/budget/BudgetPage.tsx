import type { BudgetView, Role } from "@rapporteur/api";
import type { ReactNode } from "react";
import { formatNumber } from "../layout/formatNumber";
import { MessagePanel } from "../layout/MessagePanel";
import { BudgetChart } from "./BudgetChart";
import { BudgetSettingsForm } from "./BudgetSettingsForm";
import { BudgetTable } from "./BudgetTable";
import { projectionSentence } from "./projectionSentence";
import { TimetableForm } from "./TimetableForm";
import { useBudget } from "./useBudget";
import "./budget.css";
import { PageError } from "../ui/PageError";

/** Props of {@link BudgetPage}. */
export interface BudgetPageProps {
  role: Role;
  onOpenSection: (sectionId: string) => void;
}

/**
 * The Budget page: the report's counted words against its target range, words still needed,
 * the projection from the recent pace, words over time against the timetable, and every part
 * and section against its allocation. Live; editors change the range, the footnote rule, the
 * allocations and the timetable here.
 */
export function BudgetPage({ role, onOpenSection }: BudgetPageProps) {
  const { budget, error, reload, replace } = useBudget();
  const canEdit = role === "editor";

  if (!budget) {
    return error ? (
      <MessagePanel title="The budget could not be loaded" tone="error" onRetry={reload}>
        <p>{error}</p>
      </MessagePanel>
    ) : (
      <MessagePanel title="Loading the budget…" />
    );
  }

  const { pace, deadline } = projectionSentence(budget);
  return (
    <main
      className="admin-page admin-page--wide budget-page"
      id="editor-main"
      aria-labelledby="budget-title"
    >
      <header className="admin-page__head">
        <h1 id="budget-title" className="admin-page__title">
          Word budget
        </h1>
        <p className="admin-page__lead">
          Counted by the server from the stored sections, live as anyone types.
        </p>
      </header>
      <PageError problem={error} />
      <BudgetFigures budget={budget} />
      {budget.totals.allocationWarning && (
        <p className="notice budget-warning" role="status" data-testid="budget-allocation-warning">
          <strong>Allocations do not fit the target.</strong> {budget.totals.allocationWarning}
        </p>
      )}
      <BudgetCard id="budget-pace" title="Pace">
        <p className="budget-projection" data-testid="budget-projection">
          {pace}
        </p>
        {deadline && <p className="budget-note">{deadline}</p>}
        <BudgetChart budget={budget} />
      </BudgetCard>
      <section className="budget-section" aria-labelledby="budget-by-section">
        <h2 id="budget-by-section" className="budget-card__title">
          By part and section
        </h2>
        <p className="budget-note">
          Short is under 90 % of the allocation, over is above 110 %.{" "}
          {budget.footnotesCount
            ? "Counted words include footnote words."
            : "Footnote words are not counted against the budget."}
          {canEdit && " Type an allocation and press Enter to save it."}
        </p>
        <BudgetTable
          budget={budget}
          canEdit={canEdit}
          onOpenSection={onOpenSection}
          onChanged={reload}
        />
      </section>
      <div className="budget-columns">
        <BudgetCard id="budget-target" title="Target">
          <BudgetSettingsForm budget={budget} canEdit={canEdit} onSaved={replace} />
        </BudgetCard>
        <BudgetCard id="budget-timetable" title="Timetable">
          <TimetableForm budget={budget} canEdit={canEdit} onSaved={reload} />
        </BudgetCard>
      </div>
    </main>
  );
}

/** The headline figures: counted words against the range, words needed, room left, allocated. */
function BudgetFigures({ budget }: { budget: BudgetView }) {
  const { totals, remaining, targetRange } = budget;
  const scale = targetRange.max * 1.15;
  const at = (words: number) => `${Math.min(100, (words / scale) * 100).toFixed(2)}%`;
  const inRange = totals.counted >= targetRange.min && totals.counted <= targetRange.max;
  return (
    <section className="budget-figures" aria-label="Totals">
      <div className="budget-figure budget-figure--main">
        <p className="budget-figure__label">Counted words</p>
        <p className="budget-figure__value" data-testid="budget-total-counted">
          {formatNumber(totals.counted)}
        </p>
        <p className="budget-figure__detail">
          of a target of{" "}
          <span data-testid="budget-target">
            {formatNumber(targetRange.min)}–{formatNumber(targetRange.max)}
          </span>
          {" · "}
          {formatNumber(totals.words)} in the text, {formatNumber(totals.footnoteWords)} in
          footnotes{budget.footnotesCount ? "" : " (not counted)"}
        </p>
        <div
          className={`range-bar${inRange ? " is-in-range" : totals.counted > targetRange.max ? " is-over" : ""}`}
          role="img"
          aria-label={`${formatNumber(totals.counted)} words against a target of ${formatNumber(targetRange.min)} to ${formatNumber(targetRange.max)}`}
        >
          <span
            className="range-bar__band"
            style={{
              left: at(targetRange.min),
              width: `calc(${at(targetRange.max)} - ${at(targetRange.min)})`,
            }}
          />
          <span className="range-bar__fill" style={{ width: at(totals.counted) }} />
        </div>
      </div>
      <div className="budget-figure">
        <p className="budget-figure__label">To reach {formatNumber(targetRange.min)}</p>
        <p className="budget-figure__value" data-testid="budget-to-min">
          {formatNumber(remaining.toMin)}
        </p>
        <p className="budget-figure__detail">
          {remaining.toMin === 0 ? "Minimum reached" : "words still needed"}
        </p>
      </div>
      <div className="budget-figure">
        <p className="budget-figure__label">Room up to {formatNumber(targetRange.max)}</p>
        <p
          className={`budget-figure__value${remaining.toMax < 0 ? " is-over" : ""}`}
          data-testid="budget-to-max"
        >
          {formatNumber(remaining.toMax)}
        </p>
        <p className="budget-figure__detail">
          {remaining.toMax < 0 ? "words over the maximum" : "words can still be added"}
        </p>
      </div>
      <div className="budget-figure">
        <p className="budget-figure__label">Allocated to sections</p>
        <p className="budget-figure__value" data-testid="budget-total-allocated">
          {formatNumber(totals.budget)}
        </p>
        <p className="budget-figure__detail">
          {totals.allocationWarning ? "outside the target range" : "within the target range"}
        </p>
      </div>
    </section>
  );
}

/** A titled card of the Budget page (the title names the card for screen readers). */
function BudgetCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="budget-card" aria-labelledby={id}>
      <h2 id={id} className="budget-card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
