import type { AuditEntryView } from "@rapporteur/api";
import { unDate } from "@rapporteur/dates";
import { useCallback, useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { Field } from "../ui/Field";
import { PageError } from "../ui/PageError";
import { TableHead } from "../ui/TableHead";
import { formatAuditDetail } from "./formatAuditDetail";

/** The actions the audit log records, with how they are shown. */
const ACTION_LABELS: Record<string, string> = {
  login: "Signed in",
  login_failed: "Failed sign-in",
  login_throttled: "Sign-in throttled",
  logout: "Signed out",
  user_created: "User added",
  role_changed: "Role changed",
  user_deactivated: "User deactivated",
  user_activated: "User reactivated",
  display_name_changed: "Name changed",
  password_reset: "Password reset",
  section_status_changed: "Section status",
  section_leads_changed: "Section leads",
  export: "Export",
  import: "Import",
  budget_changed: "Word budget",
  timetable_changed: "Timetable",
  section_repaired: "Section repaired",
  text_rescued: "Text rescued after a split",
  document_settings_changed: "Document settings",
};

const PAGE_SIZE = 50;

/** The editors' audit log: newest first, filtered by action, with older entries on demand. */
export function AuditPage() {
  const [action, setAction] = useState("");
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(
    async (before: number | null) => {
      setLoading(true);
      setProblem(null);
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (before !== null) query.set("before", String(before));
      if (action) query.set("action", action);
      try {
        const answer = await apiRequest("audit", { query });
        setEntries((previous) =>
          before === null ? answer.entries : [...(previous ?? []), ...answer.entries],
        );
        setNextBefore(answer.nextBefore);
      } catch (error) {
        setProblem(errorMessage(error));
      } finally {
        setLoading(false);
      }
    },
    [action],
  );

  useEffect(() => {
    setEntries(null);
    void load(null);
  }, [load]);

  return (
    <main className="admin-page admin-page--wide" id="editor-main" aria-labelledby="audit-title">
      <header className="admin-page__head admin-page__head--row">
        <div>
          <h1 id="audit-title" className="admin-page__title">
            Audit log
          </h1>
          <p className="admin-page__lead">
            Sign-ins, account changes, section statuses and exports. Newest first; entries are never
            changed or deleted.
          </p>
        </div>
        <Field label="Action" inline>
          <select
            className="select select--field"
            value={action}
            data-testid="audit-filter"
            onChange={(event) => setAction(event.target.value)}
          >
            <option value="">All actions</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </header>
      <PageError problem={problem} />
      {entries === null ? (
        <p className="admin-page__lead">{loading ? "Loading the audit log…" : ""}</p>
      ) : entries.length === 0 ? (
        <p className="admin-page__lead">No entries{action ? " for this action" : ""}.</p>
      ) : (
        <div className="table-card">
          <table className="data-table data-table--dense" data-testid="audit-table">
            <TableHead columns={["Time", "Actor", "Action", "Target", "Detail", "Address"]} />
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td className="nowrap muted">{unDate(entry.at, { withTime: true })}</td>
                  <td className="mono">{entry.actor ?? "—"}</td>
                  <td>
                    <span className={`pill pill--action pill--${entry.action}`}>
                      {ACTION_LABELS[entry.action] ?? entry.action}
                    </span>
                  </td>
                  <td className="mono">{entry.target ?? ""}</td>
                  <td className="audit-detail">{formatAuditDetail(entry.detail)}</td>
                  <td className="mono muted">{entry.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore !== null && (
        <div className="admin-page__more">
          <button
            type="button"
            className="button"
            disabled={loading}
            data-testid="audit-older"
            onClick={() => void load(nextBefore)}
          >
            {loading ? "Loading…" : "Older entries"}
          </button>
        </div>
      )}
    </main>
  );
}
