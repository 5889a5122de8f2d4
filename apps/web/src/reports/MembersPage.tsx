import { ROLES } from "@rapporteur/accounts/roles";
import type { AdminUserView, ReportMemberView, Role, UserView } from "@rapporteur/api";
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { ROLE_LABELS } from "../auth/roleLabels";
import { PersonCell } from "../layout/PersonCell";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { PageError } from "../ui/PageError";
import { SelectField } from "../ui/SelectField";
import { TableHead } from "../ui/TableHead";
import { useActionFeedback } from "../ui/useActionFeedback";

/** Props of {@link MembersPage}. */
export interface MembersPageProps {
  reportId: number;
  /** The report's title. */
  title: string;
  /** The signed-in account (its role in this report). */
  account: UserView;
  /** Instance administrators pick new members from the instance's accounts. */
  mayAdminister: boolean;
  /** A membership changed: the user's own reports and roles may have too. */
  onChanged: () => void;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function nameOf(person: { displayName: string; username: string }): string {
  return person.displayName || person.username;
}

/**
 * Who works on a report and in which role (report editors and instance administrators): change
 * a member's role, remove a member, and (administrators) add an account of the instance.
 */
export function MembersPage({
  reportId,
  title,
  account,
  mayAdminister,
  onChanged,
}: MembersPageProps) {
  const [members, setMembers] = useState<ReportMemberView[] | null>(null);
  const { problem, notice, setProblem, run } = useActionFeedback();

  const load = useCallback(async () => {
    try {
      const answer = await apiRequest("reportMembers", { params: { reportId } });
      setMembers(answer.members);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }, [reportId, setProblem]);

  useEffect(() => {
    void load();
  }, [load]);

  const setRole = async (userId: number, role: Role, done: (member: ReportMemberView) => string) =>
    run(
      () => apiRequest("setReportMember", { params: { reportId, userId }, body: { role } }),
      ({ member }) => {
        setMembers((list) => {
          const rest = (list ?? []).filter((m) => m.userId !== member.userId);
          return list?.some((m) => m.userId === member.userId)
            ? (list ?? []).map((m) => (m.userId === member.userId ? member : m))
            : [...rest, member];
        });
        onChanged();
        return done(member);
      },
    );

  const remove = (member: ReportMemberView) =>
    run(
      () => apiRequest("removeReportMember", { params: { reportId, userId: member.userId } }),
      () => {
        setMembers((list) => list?.filter((m) => m.userId !== member.userId) ?? null);
        onChanged();
        return `${nameOf(member)} is no longer a member of this report.`;
      },
    );

  return (
    <main className="admin-page" id="editor-main" aria-labelledby="members-title">
      <header className="admin-page__head">
        <h1 id="members-title" className="admin-page__title">
          Members
        </h1>
        <p className="admin-page__lead">
          Who works on “{title}”: editors run it, drafters write sections, reviewers read and
          comment. Someone who is not a member does not see the report.
        </p>
      </header>
      {mayAdminister && members && (
        <AddMemberForm
          members={members}
          onAdd={(userId, role) =>
            setRole(
              userId,
              role,
              (member) =>
                `${nameOf(member)} is now a member, as ${ROLE_LABELS[member.role].toLowerCase()}.`,
            )
          }
        />
      )}
      <PageError problem={problem} testId="members-error" />
      {notice && !problem && (
        <p className="notice notice--ok admin-notice" role="status" data-testid="members-notice">
          {notice}
        </p>
      )}
      {members === null ? (
        !problem && <p className="admin-page__lead">Loading the members…</p>
      ) : (
        <div className="table-card">
          <table className="data-table" data-testid="members-table">
            <TableHead
              columns={[
                "Name",
                "Username",
                "Role",
                <span key="actions" className="visually-hidden">
                  Actions
                </span>,
              ]}
            />
            <tbody>
              {members.map((member) => (
                <tr key={member.userId} data-testid={`member-row-${member.username}`}>
                  <td>
                    <PersonCell
                      name={nameOf(member)}
                      username={member.username}
                      isYou={member.userId === account.id}
                    />
                  </td>
                  <td className="mono">{member.username}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={`Role of ${member.username} in this report`}
                      value={member.role}
                      onChange={(event) => {
                        const role = event.target.value as Role;
                        void setRole(
                          member.userId,
                          role,
                          (changed) =>
                            `${nameOf(changed)} is now ${ROLE_LABELS[changed.role].toLowerCase()} in this report.`,
                        );
                      }}
                    >
                      {ROLE_OPTIONS.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="data-table__actions">
                    <Button
                      small
                      variant="danger"
                      aria-label={`Remove ${member.username} from this report`}
                      onClick={() => void remove(member)}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

/** Administrators: add one of the instance's active accounts with a role. */
function AddMemberForm({
  members,
  onAdd,
}: {
  members: ReportMemberView[];
  /** Resolves to whether the server added the member. */
  onAdd: (userId: number, role: Role) => Promise<boolean>;
}) {
  const [users, setUsers] = useState<AdminUserView[] | null>(null);
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("drafter");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("listUsers", { signal: controller.signal }).then(
      (answer) => setUsers(answer.users),
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(errorMessage(error));
      },
    );
    return () => controller.abort();
  }, []);

  const candidates = (users ?? []).filter(
    (user) => user.active && !members.some((member) => member.userId === user.id),
  );
  const chosen = candidates.some((user) => String(user.id) === userId)
    ? userId
    : String(candidates[0]?.id ?? "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setSaving(true);
    setProblem(null);
    await onAdd(Number(chosen), role);
    setSaving(false);
  };

  return (
    <section className="panel add-user" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        Add a member
      </h2>
      <form className="add-member__form" onSubmit={submit} noValidate data-testid="add-member-form">
        <SelectField
          label="Person"
          value={chosen}
          options={
            candidates.length > 0
              ? candidates.map((user) => ({
                  value: String(user.id),
                  label: `${nameOf(user)} (${user.username})`,
                }))
              : [{ value: "", label: users ? "Everyone is a member already" : "Loading…" }]
          }
          onValue={setUserId}
          disabled={candidates.length === 0}
          data-testid="add-member-user"
        />
        <SelectField
          label="Role in this report"
          value={role}
          options={ROLE_OPTIONS}
          onValue={(value) => setRole(value as Role)}
          data-testid="add-member-role"
        />
        <Button
          type="submit"
          variant="primary"
          className="add-user__submit"
          disabled={saving || !chosen}
          data-testid="add-member-submit"
        >
          {saving ? "Adding…" : "Add member"}
        </Button>
      </form>
      <FieldError problem={problem} testId="add-member-problem" />
    </section>
  );
}
