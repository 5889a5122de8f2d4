import type { ReactNode } from "react";
import { Button } from "../ui/Button";

/** The main area when it shows a message instead of a section: errors, unknown pages, loading. */
export function MessagePanel({
  title,
  tone = "info",
  onRetry,
  children,
}: {
  title: string;
  tone?: "info" | "error";
  /** With it, a "Try again" button after the message. */
  onRetry?: () => void;
  children?: ReactNode;
}) {
  return (
    <main className="message-page" id="editor-main">
      <div className={`message message--${tone}`} role={tone === "error" ? "alert" : "status"}>
        <h1 className="message__title">{title}</h1>
        {children}
        {onRetry && (
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </main>
  );
}
