import { colourForName } from "@rapporteur/accounts/presence";
import { Avatar } from "./Avatar";

/** Props of {@link PersonCell}. */
export interface PersonCellProps {
  /** What the person is called (display name, or the username when they have none). */
  name: string;
  /** Their username: it picks their colour, as in presence. */
  username: string;
  /** Marks the signed-in person's own row. */
  isYou: boolean;
}

/** A person in a table of accounts or members: avatar, name, and "you" on one's own row. */
export function PersonCell({ name, username, isYou }: PersonCellProps) {
  return (
    <span className="user-cell">
      <Avatar name={name} color={colourForName(username)} size="sm" />
      <span>{name}</span>
      {isYou && <span className="people__you">you</span>}
    </span>
  );
}
