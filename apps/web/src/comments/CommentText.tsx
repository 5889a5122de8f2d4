/**
 * A comment's text as plain text: a React text node in a block that keeps its line breaks.
 * Whatever it contains (`<img onerror=...>`, `<script>`) is shown as characters, never parsed.
 */
export function CommentText({ text, className }: { text: string; className?: string }) {
  return <p className={`comment-text${className ? ` ${className}` : ""}`}>{text}</p>;
}
