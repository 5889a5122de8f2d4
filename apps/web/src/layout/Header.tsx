import type { ReportView, UserView } from "@rapporteur/api";
import { ROLE_LABELS } from "../auth/roleLabels";
import { BudgetLink } from "../budget/BudgetLink";
import type { ConnectionState } from "../collab/connectionState";
import type { PresentUser } from "../collab/usePresence";
import { EvidenceLink } from "../evidence/EvidenceLink";
import type { LocalUser } from "../identity/LocalUser";
import { InAppLink } from "../routing/InAppLink";
import {
  AUDIT_PATH,
  MEMBERS_PATH,
  REPORTS_PATH,
  reportPath,
  SETTINGS_PATH,
  USERS_PATH,
} from "../routing/parseRoute";
import { ExportMenu } from "../transfer/ExportMenu";
import { BrandMark } from "../ui/BrandMark";
import { Avatar } from "./Avatar";
import { ConnectionBadge } from "./ConnectionBadge";
import { Menu, type MenuItem } from "./Menu";
import { ShortcutsHelp } from "./ShortcutsHelp";

/** The open report, as the header shows it. */
export interface HeaderReport {
  id: number;
  /** The report's title in the report list. */
  title: string;
  /** Its document symbol, once the report is loaded. */
  symbol: string | null;
}

/** Props of {@link Header}. */
export interface HeaderProps {
  /** The open report; null on the instance's pages (report list, users). */
  report: HeaderReport | null;
  connection: ConnectionState | null;
  people: PresentUser[];
  /** The account, with its role in the open report (on the instance's pages: none shown). */
  account: UserView;
  /** The server says the user is an instance administrator (`ReportListAnswer.mayCreate`). */
  mayAdminister: boolean;
  user: LocalUser;
  /** The open section, for the Export menu's "this section". */
  section: { id: string; title: string } | null;
  /** The export formats the server can make (PDF only where LibreOffice is installed). */
  exportFormats: ReportView["exportFormats"];
  navigate: (path: string) => void;
  onSignOut: () => void;
}

/**
 * The top bar: product, the open report and the way to all reports, connection state, who is in
 * the section, the Export menu and the account menu (report editors' and administrators' pages,
 * sign out). The role shown is the one in the open report.
 */
export function Header({
  report,
  connection,
  people,
  account,
  mayAdminister,
  user,
  section,
  exportFormats,
  navigate,
  onSignOut,
}: HeaderProps) {
  const others = people.filter((person) => !person.isSelf);
  const editor = report !== null && account.role === "editor";
  const accountItems: MenuItem[] = [
    ...(report
      ? [
          {
            key: "settings",
            label: "Document settings",
            hint: "Masthead, date, job number",
            onSelect: () => navigate(reportPath(report.id, SETTINGS_PATH)),
          },
        ]
      : []),
    ...(report && (editor || mayAdminister)
      ? [
          {
            key: "members",
            label: "Members",
            hint: "Who works on this report",
            onSelect: () => navigate(reportPath(report.id, MEMBERS_PATH)),
          },
        ]
      : []),
    ...(mayAdminister
      ? [
          {
            key: "users",
            label: "Users",
            hint: "Accounts of this instance",
            onSelect: () => navigate(USERS_PATH),
          },
        ]
      : []),
    ...(report && editor
      ? [
          {
            key: "audit",
            label: "Audit log",
            hint: "Sign-ins, changes, exports",
            onSelect: () => navigate(reportPath(report.id, AUDIT_PATH)),
          },
        ]
      : []),
    {
      key: "reports",
      label: "All reports",
      onSelect: () => navigate(REPORTS_PATH),
    },
    {
      key: "sign-out",
      label: "Sign out",
      separatorBefore: true,
      onSelect: onSignOut,
    },
  ];
  const roleLabel = report ? ROLE_LABELS[account.role] : null;
  return (
    <header className="app-header">
      <a className="skip-link" href="#editor-main">
        Skip to the text
      </a>
      <a
        className="brand"
        href="/"
        aria-label="Rapporteur home"
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
          event.preventDefault();
          navigate("/");
        }}
      >
        <BrandMark className="brand__mark" size={26} />
        <span className="brand__name">Rapporteur</span>
      </a>
      <nav className="app-header__report" aria-label="Report">
        <InAppLink
          path={REPORTS_PATH}
          className="app-header__reports-link"
          active={report === null && window.location.pathname === REPORTS_PATH}
          testId="all-reports-link"
          onOpen={() => navigate(REPORTS_PATH)}
        >
          All reports
        </InAppLink>
        {report && (
          <>
            <span className="app-header__separator" aria-hidden="true">
              /
            </span>
            <span className="app-header__title" data-testid="report-title">
              {report.title}
            </span>
            {/* A new report's placeholder symbol ("-") says nothing. */}
            {report.symbol && /[\p{L}\p{N}]/u.test(report.symbol) && (
              <span className="app-header__symbol">{report.symbol}</span>
            )}
          </>
        )}
      </nav>
      <div className="app-header__end">
        {connection && <ConnectionBadge state={connection} />}
        {others.length > 0 && (
          <ul className="header-people" aria-label="Also in this section">
            {others.slice(0, 5).map((person) => (
              <li key={person.clientId} title={person.name}>
                <Avatar name={person.name} color={person.color} size="sm" />
                <span className="visually-hidden">{person.name}</span>
              </li>
            ))}
            {others.length > 5 && <li className="header-people__more">+{others.length - 5}</li>}
          </ul>
        )}
        {report && (
          <>
            <EvidenceLink reportId={report.id} navigate={navigate} />
            <BudgetLink reportId={report.id} navigate={navigate} />
          </>
        )}
        <ShortcutsHelp />
        {report && (
          <ExportMenu
            role={account.role}
            section={section}
            pdf={exportFormats?.includes("pdf") ?? false}
          />
        )}
        <Menu
          label={roleLabel ? `Account: ${user.name}, ${roleLabel}` : `Account: ${user.name}`}
          // Named by the words it shows (WCAG 2.5.3, label in name).
          namedByContent
          buttonClassName="user-button"
          testId="account-menu"
          button={
            <>
              <Avatar name={user.name} color={user.color} size="sm" />
              <span className="visually-hidden">Account: </span>
              <span className="user-button__name">{user.name}</span>
              {roleLabel && (
                <span className="user-button__role" data-testid="account-role">
                  {roleLabel}
                </span>
              )}
            </>
          }
          heading={
            <>
              <span className="menu__heading-name">{user.name}</span>
              <span className="menu__heading-detail">
                {roleLabel ? `${account.username} · ${roleLabel}` : account.username}
              </span>
            </>
          }
          items={accountItems}
        />
      </div>
    </header>
  );
}
