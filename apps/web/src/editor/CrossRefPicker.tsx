import type { ReferenceCandidate } from "./BodyBlocks";
import { useKeyboardChoice } from "./useKeyboardChoice";

/** Props of {@link CrossRefPicker}. */
export interface CrossRefPickerProps {
  candidates: readonly ReferenceCandidate[];
  disabled: boolean;
  onInsert: (candidate: ReferenceCandidate) => void;
}

const GROUPS: [ReferenceCandidate["kind"], string][] = [
  ["paragraph", "Paragraphs of this section"],
  ["table", "Tables"],
  ["box", "Boxes"],
  ["section", "Sections"],
];

/**
 * The list of what a cross-reference can point to, grouped (paragraphs, tables, boxes of this
 * section; every section of the report). Picked with the pointer it inserts at once; from the
 * keyboard the arrow keys choose and Enter inserts (useKeyboardChoice).
 */
export function CrossRefPicker({ candidates, disabled, onInsert }: CrossRefPickerProps) {
  const { choice, handlers } = useKeyboardChoice((value) => {
    const candidate = candidates[Number(value)];
    if (value !== "" && candidate) onInsert(candidate);
  });
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
      {GROUPS.map(([kind, label]) => {
        const options = candidates
          .map((candidate, index) => ({ candidate, index }))
          .filter(({ candidate }) => candidate.kind === kind);
        return options.length === 0 ? null : (
          <optgroup key={kind} label={label}>
            {options.map(({ candidate, index }) => (
              <option key={`${kind}-${candidate.pos ?? candidate.target}`} value={index}>
                {candidate.label}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
