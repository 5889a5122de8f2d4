import type { ComparisonDocNode } from "@rapporteur/api";
import type { CSSProperties, ReactNode } from "react";
import { authorColour } from "./authorColour";

/** Props of {@link ComparedDocument}. */
export interface ComparedDocumentProps {
  /** A compared section (`GET /api/sections/:id/compare`): text with change marks. */
  doc: ComparisonDocNode;
  label: string;
}

interface Change {
  kind: "insertion" | "deletion";
  author: string;
  date: string;
}

const KIND_LABEL = { insertion: "Inserted", deletion: "Deleted" } as const;

function changeTitle(change: Change): string {
  const when = change.date ? ` on ${new Date(change.date).toLocaleString("en-GB")}` : "";
  return `${KIND_LABEL[change.kind]} by ${change.author}${when}`;
}

function changeOf(value: { type?: string; attrs?: Record<string, unknown> } | undefined) {
  if (!value) return undefined;
  const kind = value.type ?? value.attrs?.kind;
  if (kind !== "insertion" && kind !== "deletion") return undefined;
  return {
    kind,
    author: String(value.attrs?.author ?? ""),
    date: String(value.attrs?.date ?? ""),
  } satisfies Change;
}

function changeProps(change: Change) {
  return {
    className: `compare-change compare-change--${change.kind}`,
    title: changeTitle(change),
    "data-author": change.author,
    style: { "--author-colour": authorColour(change.author) } as CSSProperties,
  };
}

function inline(node: ComparisonDocNode, key: number): ReactNode {
  let out: ReactNode;
  if (node.type === "text") out = node.text ?? "";
  else if (node.type === "hardBreak") out = <br />;
  else if (node.type === "footnote") {
    out = (
      <span className="compare-footnote">
        [{(node.content ?? []).map((child, i) => blocksOrInline(child, i))}]
      </span>
    );
  } else if (node.type === "citation") {
    out = <span className="compare-footnote">[cites source {String(node.attrs?.sourceId)}]</span>;
  } else out = null;
  let change: Change | undefined;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "link") out = <span className="compare-link">{out}</span>;
    else change = changeOf(mark) ?? change;
  }
  if (change) {
    const Tag = change.kind === "insertion" ? "ins" : "del";
    return (
      <Tag key={key} {...changeProps(change)}>
        {out}
      </Tag>
    );
  }
  return <span key={key}>{out}</span>;
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  table: "table",
  tableRow: "tr",
  tableCell: "td",
  tableHeader: "th",
};

function blocksOrInline(node: ComparisonDocNode, key: number): ReactNode {
  if (node.type === "heading") {
    const level = Math.min(6, Math.max(3, Number(node.attrs?.level ?? 1) + 2));
    return block(`h${level}`, node, key);
  }
  const tag = BLOCK_TAGS[node.type];
  if (tag) return block(tag, node, key);
  return inline(node, key);
}

function block(tag: string, node: ComparisonDocNode, key: number): ReactNode {
  const Tag = tag as "p";
  const change = changeOf(node.attrs?.change as ComparisonDocNode | undefined);
  const children = (node.content ?? []).map((child, i) => blocksOrInline(child, i));
  const body = tag === "table" ? <tbody>{children}</tbody> : children;
  if (!change) return <Tag key={key}>{body}</Tag>;
  const props = changeProps(change);
  return (
    <Tag key={key} {...props} className={`compare-block compare-block--${change.kind}`}>
      {body}
    </Tag>
  );
}

/**
 * A compared section, read-only: inserted text underlined and deleted text struck through in
 * the colour of its author, each with who and when as its tooltip (`title`); whole inserted or
 * deleted blocks marked the same way.
 */
export function ComparedDocument({ doc, label }: ComparedDocumentProps) {
  return (
    <div
      className="editor-surface editor-surface--readonly compare-view__text report-text"
      role="document"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable (WCAG 2.1.1)
      tabIndex={0}
      lang="en"
      data-testid="compare-document"
    >
      {(doc.content ?? []).map((child, i) => blocksOrInline(child, i))}
    </div>
  );
}
