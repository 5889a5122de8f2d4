import { excerptParts } from "./excerptParts";

/** A search result's passage: the server's matches shown as `<mark>`, everything else as text. */
export function Excerpt({ html }: { html: string }) {
  return (
    <p className="evidence-hit__excerpt" data-testid="evidence-excerpt" dir="auto">
      {excerptParts(html).map((part, index) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs never reorder
          <mark key={index}>{part.text}</mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
