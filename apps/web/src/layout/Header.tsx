import type { ReportView, UserView } from "@rapporteur/api";
import { ROLE_LABELS } from "../auth/roleLabels";
import { BudgetLink } from "../budget/BudgetLink";
import type { ConnectionState } from "../collab/connectionState";
import type { PresentUser } from "../collab/usePresence";
import { EvidenceLink } from "../evidence/EvidenceLink";
import type { LocalUser } from "../identity/LocalUser";
import { AUDIT_PATH, SETTINGS_PATH, USERS_PATH } from "../routing/parseRoute";
import { ExportMenu } from "../transfer/ExportMenu";
import { BrandMark } from "../ui/BrandMark";
import { Avatar } from "./Avatar";
import { ConnectionBadge } from "./ConnectionBadge";
import { Menu, type MenuItem } from "./Menu";
import { ShortcutsHelp } from "./ShortcutsHelp";

/** Props of {@link Header}. */
export interface HeaderProps {
  shortTitle: string | null;
  symbol: string | null;
  connection: ConnectionState | null;
  people: PresentUser[];
  account: UserView;
  user: LocalUser;
  /** The open section, for the Export menu's "this section". */
  section: { id: string; title: string } | null;
  /** The export formats the server can make (PDF only where LibreOffice is installed). */
  exportFormats: ReportView["exportFormats"];
  navigate: (path: string) => void;
  onSignOut: () => void;
}

/**
 * The top bar: product and report, connection state, who is in the section, the Export menu and
 * the account menu (editors' pages, sign out).
 */
export function Header({
  shortTitle,
  symbol,
  connection,
  people,
  account,
  user,
  section,
  exportFormats,
  navigate,
  onSignOut,
}: HeaderProps) {
  const others = people.filter((person) => !person.isSelf);
  const accountItems: MenuItem[] = [
    {
      key: "settings",
      label: "Document settings",
      hint: "Masthead, date, job number",
      onSelect: () => navigate(SETTINGS_PATH),
    },
    ...(account.role === "editor"
      ? [
          {
            key: "users",
            label: "Users",
            hint: "Accounts and roles",
            onSelect: () => navigate(USERS_PATH),
          },
          {
            key: "audit",
            label: "Audit log",
            hint: "Sign-ins, changes, exports",
            onSelect: () => navigate(AUDIT_PATH),
          },
        ]
      : []),
    {
      key: "sign-out",
      label: "Sign out",
      separatorBefore: true,
      onSelect: onSignOut,
    },
  ];
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
      {shortTitle && (
        <div className="app-header__report">
          <span className="app-header__title">{shortTitle}</span>
          {symbol && <span className="app-header__symbol">{symbol}</span>}
        </div>
      )}
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
        <EvidenceLink navigate={navigate} />
        <BudgetLink navigate={navigate} />
        <ShortcutsHelp />
        <ExportMenu
          role={account.role}
          section={section}
          pdf={exportFormats?.includes("pdf") ?? false}
        />
        <Menu
          label={`Account: ${user.name}, ${ROLE_LABELS[account.role]}`}
          // Named by the words it shows (WCAG 2.5.3, label in name).
          namedByContent
          buttonClassName="user-button"
          testId="account-menu"
          button={
            <>
              <Avatar name={user.name} color={user.color} size="sm" />
              <span className="visually-hidden">Account: </span>
              <span className="user-button__name">{user.name}</span>
              <span className="user-button__role" data-testid="account-role">
                {ROLE_LABELS[account.role]}
              </span>
            </>
          }
          heading={
            <>
              <span className="menu__heading-name">{user.name}</span>
              <span className="menu__heading-detail">
                {account.username} · {ROLE_LABELS[account.role]}
              </span>
            </>
          }
          items={accountItems}
        />
      </div>
    </header>
  );
}
