/** The number of open comment threads of a section, shown in the outline (nothing when none). */
export function OpenCommentsBadge({ sectionId, count }: { sectionId: string; count: number }) {
  if (count <= 0) return null;
  return (
    <span
      className="outline__comments"
      data-testid={`open-comments-${sectionId}`}
      title={`${count} open ${count === 1 ? "comment" : "comments"}`}
    >
      <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
        <path d="M2 3h12v7.5H8l-3.5 3v-3H2z" fill="currentColor" />
      </svg>
      {count}
      <span className="visually-hidden"> open comments</span>
    </span>
  );
}
