import type { Role } from "@rapporteur/accounts/roles";
import type { ReportTemplateId } from "@rapporteur/outline/templateIds";

export { REPORT_TEMPLATE_IDS, type ReportTemplateId } from "@rapporteur/outline/templateIds";

/** One template of `GET /api/report-templates`. */
export interface ReportTemplateView {
  id: ReportTemplateId;
  /** Its name, for people ("WSIS+20 review (Annex 1 outline)"). */
  title: string;
  /** What the outline holds, in one sentence. */
  description: string;
  parts: number;
  sections: number;
}

/** One report of the instance, as `GET /api/reports` lists it. */
export interface ReportSummaryView {
  /** Positive integer; the instance's first report (the data of a single-report install) is 1. */
  id: number;
  title: string;
  template: ReportTemplateId;
  createdAt: string;
  /** The signed-in user's role in this report; null: not a member (instance administrators only). */
  role: Role | null;
  /** True for the first report, which the unscoped routes (`/api/report`, `/collab/<id>`) serve. */
  first: boolean;
}

/** Answer of `GET /api/reports`: the reports the user is a member of (administrators: all). */
export interface ReportListAnswer {
  reports: ReportSummaryView[];
  /** Whether the user may create reports and manage accounts (instance administrator). */
  mayCreate: boolean;
}

/** Body of `POST /api/reports` (instance administrators). */
export interface CreateReportBody {
  title: string;
  template: ReportTemplateId;
}

/** One member of a report (`GET /api/reports/:reportId/members`). */
export interface ReportMemberView {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
}

/** Body of `PUT /api/reports/:reportId/members/:userId`. */
export interface SetReportMemberBody {
  role: Role;
}
