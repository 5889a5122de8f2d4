import type { CodedExcerpt } from "@rapporteur/api";

/** A run of a field's text and the excerpts that cover all of it (none: not coded). */
export interface CodedSegment {
  text: string;
  start: number;
  excerpts: CodedExcerpt[];
}

/**
 * Cuts `text` at every excerpt's start and end, so that each run is covered by the same
 * excerpts throughout (overlapping excerpts give runs covered by several). Offsets outside the
 * text are clamped.
 */
export function codedSegments(text: string, excerpts: readonly CodedExcerpt[]): CodedSegment[] {
  const clamp = (offset: number) => Math.max(0, Math.min(text.length, offset));
  const cuts = new Set([0, text.length]);
  for (const excerpt of excerpts) {
    cuts.add(clamp(excerpt.start));
    cuts.add(clamp(excerpt.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: CodedSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    if (end <= start) continue;
    segments.push({
      text: text.slice(start, end),
      start,
      excerpts: excerpts.filter((excerpt) => excerpt.start <= start && excerpt.end >= end),
    });
  }
  return segments;
}
