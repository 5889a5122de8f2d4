/** Why a typed allocation was not taken. */
export const allocationProblem = "Enter the allocation as a whole number of words (0 or more).";

/** A typed allocation ("1,200", " 800 ") as a whole number of words; null when it is not one. */
export function parseAllocation(text: string): number | null {
  const trimmed = text.replace(/[,\s]/g, "");
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}
