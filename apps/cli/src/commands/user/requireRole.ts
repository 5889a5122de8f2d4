import { isRole, ROLES, type Role } from "@rapporteur/accounts";
import { UsageError } from "../../CliError";

/** The `--role` option as a {@link Role}; missing or unknown, a usage error listing the roles. */
export function requireRole(role: string | undefined, command: string): Role {
  if (isRole(role)) return role;
  throw new UsageError(
    role === undefined
      ? `${command}: --role is required: ${ROLES.join(", ")}.`
      : `${command}: unknown role '${role}': use ${ROLES.join(", ")}.`,
  );
}
