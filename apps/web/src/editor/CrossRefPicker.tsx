import { type KeyboardEvent, useRef, useState } from "react";
import type { ReferenceCandidate } from "./BodyBlocks";

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
 * section; every section of the report). Picking with the pointer inserts at once; from the
 * keyboard the arrow keys and typing only move the choice and Enter inserts it, so browsing the
 * list never inserts a reference on the way.
 */
export function CrossRefPicker({ candidates, disabled, onInsert }: CrossRefPickerProps) {
  const [choice, setChoice] = useState("");
  const byKeys = useRef(false);
  const insert = (value: string) => {
    setChoice("");
    const candidate = candidates[Number(value)];
    if (value !== "" && candidate) onInsert(candidate);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === "Enter" && choice !== "") {
      event.preventDefault();
      insert(choice);
      return;
    }
    if (event.key === "Escape") setChoice("");
    byKeys.current = true;
  };
  return (
    <select
      className="tool tool--select"
      aria-label="Insert a cross-reference"
      aria-description="Arrow keys choose, Enter inserts"
      value={choice}
      disabled={disabled}
      onKeyDown={onKeyDown}
      onBlur={() => setChoice("")}
      onChange={(event) => {
        const value = event.target.value;
        if (byKeys.current) {
          byKeys.current = false;
          setChoice(value);
        } else insert(value);
      }}
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
