import type { TargetRange } from "./targetRange";

const format = (n: number) => n.toLocaleString("en-US");

/**
 * Null when the sections' allocations add up to a total inside the target range (bounds
 * included); otherwise a sentence for editors saying by how much they fall short or run over.
 */
export function allocationWarning(allocated: number, range: TargetRange): string | null {
  if (allocated < range.min) {
    return (
      `The section allocations add up to ${format(allocated)} words, ` +
      `${format(range.min - allocated)} below the minimum of ${format(range.min)}.`
    );
  }
  if (allocated > range.max) {
    return (
      `The section allocations add up to ${format(allocated)} words, ` +
      `${format(allocated - range.max)} above the maximum of ${format(range.max)}.`
    );
  }
  return null;
}
