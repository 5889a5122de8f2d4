import { ROLES } from "@rapporteur/accounts/roles";
import type { AdminUserView, Role, UserView } from "@rapporteur/api";
import { unDate } from "@rapporteur/dates";
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { ROLE_LABELS } from "../auth/roleLabels";
import { PersonCell } from "../layout/PersonCell";
import { Button } from "../ui/Button";
import { Field } from "../ui/Field";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { PageError } from "../ui/PageError";
import { TableHead } from "../ui/TableHead";
import { TextField } from "../ui/TextField";
import { useActionFeedback } from "../ui/useActionFeedback";

/** Shortest password the server accepts. */
const MIN_PASSWORD_LENGTH = 10;

/** The editors' user management: add users, change roles, deactivate, reset passwords. */
export function UsersPage({ account }: { account: UserView }) {
  const [users, setUsers] = useState<AdminUserView[] | null>(null);
  const { problem, notice, setProblem, setNotice, run } = useActionFeedback();
  const [resetting, setResetting] = useState<AdminUserView | null>(null);

  const load = useCallback(async () => {
    try {
      const answer = await apiRequest("listUsers");
      setUsers(answer.users);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }, [setProblem]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (updated: AdminUserView) =>
    setUsers((list) => list?.map((u) => (u.id === updated.id ? updated : u)) ?? null);

  const update = async (
    user: AdminUserView,
    change: Partial<Pick<AdminUserView, "role" | "active">>,
    done: string,
  ) =>
    run(
      () => apiRequest("updateUser", { params: { id: user.id }, body: change }),
      (answer) => {
        replace(answer.user);
        return done;
      },
    );

  return (
    <main className="admin-page" id="editor-main" aria-labelledby="users-title">
      <header className="admin-page__head">
        <h1 id="users-title" className="admin-page__title">
          Users
        </h1>
        <p className="admin-page__lead">
          Editors run the report, drafters write sections, reviewers read and comment.
        </p>
      </header>
      <AddUserForm
        onAdded={(user) => {
          setUsers((list) => (list ? [...list, user] : [user]));
          setProblem(null);
          setNotice(`${user.displayName || user.username} can now sign in as ${user.username}.`);
        }}
      />
      <PageError problem={problem} testId="users-error" />
      {notice && !problem && (
        <p className="notice notice--ok admin-notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {users === null ? (
        <p className="admin-page__lead">Loading users…</p>
      ) : (
        <div className="table-card">
          <table className="data-table" data-testid="users-table">
            <TableHead
              columns={[
                "Name",
                "Username",
                "Role",
                "Status",
                "Added",
                <span key="actions" className="visually-hidden">
                  Actions
                </span>,
              ]}
            />
            <tbody>
              {users.map((user) => (
                <tr
                  key={user.id}
                  data-testid={`user-row-${user.username}`}
                  className={user.active ? undefined : "is-inactive"}
                >
                  <td>
                    <PersonCell
                      name={user.displayName || user.username}
                      username={user.username}
                      isYou={user.id === account.id}
                    />
                  </td>
                  <td className="mono">{user.username}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={`Role of ${user.username}`}
                      value={user.role}
                      onChange={(event) => {
                        const role = event.target.value as Role;
                        void update(
                          user,
                          { role },
                          `${user.username} is now ${ROLE_LABELS[role].toLowerCase()}.`,
                        );
                      }}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={`pill ${user.active ? "pill--ok" : "pill--off"}`}>
                      {user.active ? "Active" : "Deactivated"}
                    </span>
                  </td>
                  <td className="muted">{unDate(user.createdAt)}</td>
                  <td className="data-table__actions">
                    <Button small onClick={() => setResetting(user)}>
                      Reset password
                    </Button>
                    <Button
                      small
                      variant={user.active ? "danger" : undefined}
                      onClick={() =>
                        void update(
                          user,
                          { active: !user.active },
                          user.active
                            ? `${user.username} is deactivated and signed out.`
                            : `${user.username} can sign in again.`,
                        )
                      }
                    >
                      {user.active ? "Deactivate" : "Reactivate"}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setNotice(`${resetting.username} has a new password and was signed out everywhere.`);
            setProblem(null);
            setResetting(null);
          }}
        />
      )}
    </main>
  );
}

function AddUserForm({ onAdded }: { onAdded: (user: AdminUserView) => void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("drafter");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setProblem("Enter a username.");
    if (password.length < MIN_PASSWORD_LENGTH) {
      return setProblem(`The initial password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    setSaving(true);
    setProblem(null);
    try {
      const answer = await apiRequest("createUser", {
        body: {
          username: username.trim(),
          password,
          role,
          ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        },
      });
      onAdded(answer.user);
      setUsername("");
      setDisplayName("");
      setPassword("");
      setRole("drafter");
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel add-user" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        Add a user
      </h2>
      <form className="add-user__form" onSubmit={submit} noValidate data-testid="add-user-form">
        <TextField
          label="Username"
          name="new-username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onText={setUsername}
          placeholder="e.g. amina"
        />
        <TextField
          label="Display name"
          name="new-display-name"
          autoComplete="off"
          value={displayName}
          onText={setDisplayName}
          placeholder="e.g. Amina Diallo"
        />
        <Field label="Role">
          <select
            className="select select--field"
            name="new-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label="Initial password"
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onText={setPassword}
          placeholder={`${MIN_PASSWORD_LENGTH}+ characters`}
        />
        <Button type="submit" variant="primary" className="add-user__submit" disabled={saving}>
          {saving ? "Adding…" : "Add user"}
        </Button>
      </form>
      <FieldError problem={problem} testId="add-user-error" />
    </section>
  );
}

function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: AdminUserView;
  onClose: () => void;
  onDone: () => void;
}) {
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setProblem(`The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
      return;
    }
    setSaving(true);
    try {
      await apiRequest("resetPassword", { params: { id: user.id }, body: { password } });
      onDone();
    } catch (error) {
      setProblem(errorMessage(error));
      setSaving(false);
    }
  };

  return (
    <ModalDialog
      title={`Reset the password of ${user.displayName || user.username}`}
      onClose={onClose}
      onSubmit={submit}
    >
      <p className="dialog-hint">
        They are signed out everywhere and sign in again with the new password.
      </p>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        value={password}
        aria-invalid={problem ? true : undefined}
        onText={(text) => {
          setPassword(text);
          setProblem(null);
        }}
      />
      <FieldError problem={problem} />
      <FormActions submitLabel="Set password" busy={saving} onCancel={onClose} />
    </ModalDialog>
  );
}
