import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../api/ApiError";
import { BrandMark } from "../ui/BrandMark";
import { Field } from "../ui/Field";
import { signInErrorMessage } from "./signInErrorMessage";

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** Why the user is here (signed out, session ended), shown above the form. */
  notice: string | null;
  onSignIn: (username: string, password: string) => Promise<void>;
}

/** The sign-in page: username and password, with the server's refusal in plain words. */
export function SignInPage({ notice, onSignIn }: SignInPageProps) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  // The page exists to be typed into: the username field takes focus at once.
  useEffect(() => usernameRef.current?.focus(), []);
  const titleId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setProblem("Enter your username and password.");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSignIn(username.trim(), password);
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? signInErrorMessage(error)
          : "Signing in failed. Check your connection and try again.",
      );
      setPassword("");
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <div className="signin">
      <main className="signin__card" aria-labelledby={titleId}>
        <div className="signin__brand">
          <BrandMark size={34} />
          <span>Rapporteur</span>
        </div>
        <h1 id={titleId} className="signin__title">
          Sign in
        </h1>
        <p className="signin__lead">
          Drafting the CSTD report on WSIS+20. Your editor gives you an account.
        </p>
        {notice && !problem && (
          <p className="signin__notice" role="status" data-testid="signin-notice">
            {notice}
          </p>
        )}
        <form className="signin__form" onSubmit={submit} noValidate>
          <Field label="Username">
            <input
              name="username"
              ref={usernameRef}
              data-testid="signin-username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(event) => {
                setUsername(event.target.value);
                setProblem(null);
              }}
            />
          </Field>
          <Field label="Password">
            <input
              ref={passwordRef}
              name="password"
              type="password"
              data-testid="signin-password"
              autoComplete="current-password"
              value={password}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(event) => {
                setPassword(event.target.value);
                setProblem(null);
              }}
            />
          </Field>
          {problem && (
            <p id={errorId} className="signin__error" role="alert" data-testid="signin-error">
              {problem}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary signin__submit"
            data-testid="signin-submit"
            disabled={busy}
          >
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </main>
    </div>
  );
}
