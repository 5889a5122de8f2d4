const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** Chapter label as Word's `upperRoman` numbering prints it: 1 -> "I.", 4 -> "IV.". */
export function chapterLabel(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return `${out}.`;
}

/** Section label as Word's `upperLetter` numbering prints it: 1 -> "A.", 27 -> "AA.". */
export function sectionLabel(n: number): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return `${letter.repeat(Math.floor((n - 1) / 26) + 1)}.`;
}
