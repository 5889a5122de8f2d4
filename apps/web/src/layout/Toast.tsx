/** A short message at the bottom of the window: progress, success or failure of an action. */
export interface ToastMessage {
  tone: "progress" | "ok" | "error";
  text: string;
}

/** Shows {@link ToastMessage}; errors are announced at once and stay until dismissed. */
export function Toast({ message, onDismiss }: { message: ToastMessage; onDismiss: () => void }) {
  return (
    <div
      className={`toast toast--${message.tone}`}
      role={message.tone === "error" ? "alert" : "status"}
      data-testid="toast"
    >
      {message.tone === "progress" && <span className="toast__spinner" aria-hidden="true" />}
      <span className="toast__text">{message.text}</span>
      {message.tone !== "progress" && (
        <button type="button" className="close-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
