/** Props of {@link EditDeleteLinks}. */
export interface EditDeleteLinksProps {
  /** An action is under way: Delete is disabled. */
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** The Edit and Delete links an author has on their own comment or reply. */
export function EditDeleteLinks({ busy, onEdit, onDelete }: EditDeleteLinksProps) {
  return (
    <>
      <button type="button" className="link-button" onClick={onEdit}>
        Edit
      </button>
      <button
        type="button"
        className="link-button link-button--danger"
        disabled={busy}
        onClick={onDelete}
      >
        Delete
      </button>
    </>
  );
}
