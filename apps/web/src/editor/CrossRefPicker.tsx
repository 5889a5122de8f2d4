import type { ReferenceCandidate } from "./BodyBlocks";
import { useKeyboardChoice } from "./useKeyboardChoice";

/** Props of {@link CrossRefPicker}. */
export interface CrossRefPickerProps {
  candidates: readonly ReferenceCandidate[];
  disabled: boolean;
  onInsert: (candidate: ReferenceCandidate) => void;
}

const OWN_GROUPS: [ReferenceCandidate["kind"], string][] = [
  ["paragraph", "Paragraphs of this section"],
  ["table", "Tables"],
  ["box", "Boxes"],
  ["section", "Sections"],
];

/**
 * The list of what a cross-reference can point to, grouped (paragraphs, tables, boxes of this
 * section; every section of the report; then one group per other section with its paragraphs,
 * tables and boxes, which typing the start of a label reaches). Picked with the pointer it inserts at once; from the
 * keyboard the arrow keys choose and Enter inserts (useKeyboardChoice).
 */
export function CrossRefPicker({ candidates, disabled, onInsert }: CrossRefPickerProps) {
  const { choice, handlers } = useKeyboardChoice((value) => {
    const candidate = candidates[Number(value)];
    if (value !== "" && candidate) onInsert(candidate);
  });
  const indexed = candidates.map((candidate, index) => ({ candidate, index }));
  const others = [...new Set(candidates.flatMap((c) => (c.other ? [c.other.section] : [])))];
  const sectionLabels = new Map(
    candidates.flatMap((c) => (c.kind === "section" && c.target ? [[c.target, c.label]] : [])),
  );
  const option = ({ candidate, index }: { candidate: ReferenceCandidate; index: number }) => (
    <option
      key={`${candidate.kind}-${candidate.pos ?? candidate.other?.index ?? candidate.target}`}
      value={index}
    >
      {candidate.label}
    </option>
  );
  return (
    <select
      className="tool tool--select"
      aria-label="Insert a cross-reference"
      aria-description="Arrow keys choose, Enter inserts"
      value={choice ?? ""}
      disabled={disabled}
      {...handlers}
    >
      <option value="">Cross-ref…</option>
      {OWN_GROUPS.map(([kind, label]) => {
        const options = indexed.filter(
          ({ candidate }) => candidate.kind === kind && !candidate.other,
        );
        return options.length === 0 ? null : (
          <optgroup key={kind} label={label}>
            {options.map(option)}
          </optgroup>
        );
      })}
      {others.map((section) => {
        const options = indexed.filter(({ candidate }) => candidate.other?.section === section);
        return (
          <optgroup key={`in-${section}`} label={`In ${sectionLabels.get(section) ?? section}`}>
            {options.map(option)}
          </optgroup>
        );
      })}
    </select>
  );
}
