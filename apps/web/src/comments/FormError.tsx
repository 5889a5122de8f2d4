/** The message of a failed action, announced to screen readers; nothing when there is none. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="comment-form__error" role="alert">
      {error}
    </p>
  );
}
