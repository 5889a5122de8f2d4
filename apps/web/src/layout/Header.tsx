import type { ConnectionState } from "../collab/connectionState";
import type { PresentUser } from "../collab/usePresence";
import type { LocalUser } from "../identity/useDisplayName";
import { Avatar } from "./Avatar";
import { ConnectionBadge } from "./ConnectionBadge";

/** Props of {@link Header}. */
export interface HeaderProps {
  shortTitle: string | null;
  symbol: string | null;
  connection: ConnectionState | null;
  people: PresentUser[];
  user: LocalUser | null;
  onChangeName: () => void;
}

/** The top bar: product and report, connection state, who is in the section, the local user. */
export function Header({
  shortTitle,
  symbol,
  connection,
  people,
  user,
  onChangeName,
}: HeaderProps) {
  const others = people.filter((person) => !person.isSelf);
  return (
    <header className="app-header">
      <a className="skip-link" href="#editor-main">
        Skip to the text
      </a>
      <a className="brand" href="/" aria-label="Rapporteur home">
        <svg className="brand__mark" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="currentColor" />
          <path
            d="M11 24V8h7a5 5 0 0 1 0 10h-3l6 6"
            fill="none"
            stroke="#fff"
            strokeWidth="2.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
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
        {user && (
          <button
            type="button"
            className="user-button"
            onClick={onChangeName}
            title="Change your display name"
            aria-label={`Signed in as ${user.name}. Change your display name`}
          >
            <Avatar name={user.name} color={user.color} size="sm" />
            <span className="user-button__name">{user.name}</span>
          </button>
        )}
      </div>
    </header>
  );
}
