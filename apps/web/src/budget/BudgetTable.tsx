import type { BudgetState, BudgetView } from "@rapporteur/api";
import { formatNumber } from "../layout/formatNumber";
import { useReportId } from "../report/ReportIdContext";
import { sectionPath } from "../routing/parseRoute";
import { TableHead } from "../ui/TableHead";
import { AllocationInput } from "./AllocationInput";
import { BudgetStateBadge } from "./BudgetStateBadge";
import { StateBar } from "./StateBar";

/** Props of {@link BudgetTable}. */
export interface BudgetTableProps {
  budget: BudgetView;
  canEdit: boolean;
  onOpenSection: (sectionId: string) => void;
  /** An allocation changed: load the figures again. */
  onChanged: () => void;
}

/**
 * Words by part and section: body words, footnote words, counted words, allocation (an input
 * for editors), state in colour and words, and a bar.
 */
export function BudgetTable({ budget, canEdit, onOpenSection, onChanged }: BudgetTableProps) {
  const reportId = useReportId();
  const { totals } = budget;
  return (
    <div className="table-card">
      <table className="data-table budget-table" data-testid="budget-table">
        <caption className="visually-hidden">Words and allocations by part and section</caption>
        <TableHead
          columns={[
            "Part and section",
            ...["Words", "Footnotes", "Counted", "Allocation"].map((label) => ({
              label,
              className: "num",
            })),
            "State",
            {
              label: <span className="visually-hidden">Against the allocation</span>,
              className: "budget-table__bar-col",
            },
          ]}
        />
        {budget.parts.map((part) => (
          <tbody key={part.id} data-testid={`budget-part-${part.id}`}>
            <tr className="budget-table__part">
              <th scope="rowgroup" className="budget-table__part-cell">
                {part.title}
              </th>
              <td className="num budget-table__part-cell">{formatNumber(part.words)}</td>
              <td className="num budget-table__part-cell">{formatNumber(part.footnoteWords)}</td>
              <td
                className="num budget-table__part-cell"
                data-testid={`budget-part-counted-${part.id}`}
              >
                {formatNumber(part.counted)}
              </td>
              <td className="num budget-table__part-cell">{formatNumber(part.budget)}</td>
              <td className="budget-table__part-cell">
                <BudgetStateBadge {...stateFacts(part)} />
              </td>
              <td className="budget-table__part-cell">
                <StateBar {...stateFacts(part)} large />
              </td>
            </tr>
            {budget.sections
              .filter((s) => s.part === part.id)
              .map((section) => (
                <tr
                  key={section.id}
                  className="budget-table__section"
                  data-testid={`budget-row-${section.id}`}
                >
                  <th scope="row">
                    <a
                      href={sectionPath(reportId, section.id)}
                      onClick={(event) => {
                        if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
                        event.preventDefault();
                        onOpenSection(section.id);
                      }}
                    >
                      {section.title}
                    </a>
                  </th>
                  <td className="num" data-testid={`budget-words-${section.id}`}>
                    {formatNumber(section.words)}
                  </td>
                  <td className="num" data-testid={`budget-footnotes-${section.id}`}>
                    {formatNumber(section.footnoteWords)}
                  </td>
                  <td className="num" data-testid={`budget-counted-${section.id}`}>
                    {formatNumber(section.counted)}
                  </td>
                  <td className="num" data-testid={`budget-allocation-${section.id}`}>
                    {canEdit ? (
                      <AllocationInput
                        sectionId={section.id}
                        sectionTitle={section.title}
                        budget={section.budget}
                        onSaved={onChanged}
                      />
                    ) : (
                      formatNumber(section.budget)
                    )}
                  </td>
                  <td>
                    <BudgetStateBadge
                      {...stateFacts(section)}
                      testId={`budget-state-${section.id}`}
                    />
                  </td>
                  <td>
                    <StateBar {...stateFacts(section)} large />
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
        <tfoot>
          <tr className="budget-table__total">
            <th scope="row">Report</th>
            <td className="num">{formatNumber(totals.words)}</td>
            <td className="num">{formatNumber(totals.footnoteWords)}</td>
            <td className="num">{formatNumber(totals.counted)}</td>
            <td className="num" data-testid="budget-allocated">
              {formatNumber(totals.budget)}
            </td>
            <td colSpan={2} className="budget-table__range">
              Target {formatNumber(totals.targetRange.min)}–{formatNumber(totals.targetRange.max)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What the state badge and bar show of a part or section. */
function stateFacts({
  state,
  counted,
  budget,
}: {
  state: BudgetState;
  counted: number;
  budget: number;
}) {
  return { state, counted, budget };
}
