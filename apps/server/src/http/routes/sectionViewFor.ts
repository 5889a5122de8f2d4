import type { Role } from "@rapporteur/accounts";
import type { SectionView } from "@rapporteur/api";
import type { BudgetSettings } from "@rapporteur/budget";
import type { OutlineSection } from "@rapporteur/outline";
import { sectionView } from "../../report/reportView";
import { workflowViews } from "../../report/workflowViews";
import type { ApiDependencies } from "../ApiDependencies";

/**
 * One section's view (counts, budget, workflow) as a user with `role` sees it: the answer of the
 * routes that change a section's workflow or budget. `budgets` defaults to the stored settings.
 */
export function sectionViewFor(
  deps: Pick<ApiDependencies, "counts" | "workflow" | "accounts" | "budgets">,
  section: OutlineSection,
  role: Role,
  budgets: BudgetSettings = deps.budgets.settings(),
): SectionView {
  const workflow = workflowViews(deps.workflow, deps.accounts, role)(section.id);
  return sectionView(section, deps.counts, workflow, budgets);
}
