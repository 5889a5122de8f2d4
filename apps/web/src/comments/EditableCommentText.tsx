import { CommentText } from "./CommentText";
import { TextForm } from "./TextForm";

/** Props of {@link EditableCommentText}. */
export interface EditableCommentTextProps {
  /** Whether the edit form is shown instead of the text. */
  editing: boolean;
  /** Label of the edit form ("Edit your comment"). */
  label: string;
  text: string;
  className?: string;
  /** Saves the edited text; the form stays open (with the error) if it throws. */
  onSave: (text: string) => Promise<void>;
  /** Closes the form: after a save, or on Cancel or Escape. */
  onStopEditing: () => void;
}

/** A comment's or reply's text, or the form editing it. */
export function EditableCommentText({
  editing,
  label,
  text,
  className,
  onSave,
  onStopEditing,
}: EditableCommentTextProps) {
  if (!editing) return <CommentText text={text} className={className} />;
  return (
    <TextForm
      label={label}
      submitLabel="Save"
      initialText={text}
      autoFocus
      onSubmit={async (edited) => {
        await onSave(edited);
        onStopEditing();
      }}
      onCancel={onStopEditing}
    />
  );
}
