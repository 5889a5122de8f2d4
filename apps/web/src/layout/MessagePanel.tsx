import type { ReactNode } from "react";

/** The main area when it shows a message instead of a section: errors, unknown pages, loading. */
export function MessagePanel({
  title,
  tone = "info",
  children,
}: {
  title: string;
  tone?: "info" | "error";
  children?: ReactNode;
}) {
  return (
    <main className="message-page" id="editor-main">
      <div className={`message message--${tone}`} role={tone === "error" ? "alert" : "status"}>
        <h1 className="message__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
