import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEYBOARD_SHORTCUTS } from "../../apps/web/src/layout/keyboardShortcuts";
import { REPO_ROOT } from "../support/serverProcess";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("### Accessibility"), readme.indexOf("![A reviewer"));

/** "Mod-Alt-3" as the README writes it: "Ctrl+Alt+3". */
const written = (keys: string) =>
  keys
    .split("-")
    .map((part) => (part === "Mod" ? "Ctrl" : part.length === 1 ? part.toUpperCase() : part))
    .join("+");

describe("the README's keyboard shortcuts", () => {
  it("name every shortcut of the app's help dialog", () => {
    expect(section).toContain("| Keys | What they do |");
    for (const { keys } of KEYBOARD_SHORTCUTS.flatMap((group) => group.shortcuts)) {
      const label = written(keys);
      // Shortcuts that differ in one key are written together ("Ctrl+Alt+0 / 3 / 4").
      const stem = label.replace(/\+[^+]+$/, "+");
      const last = label.slice(stem.length);
      const listed =
        section.includes(label) ||
        new RegExp(`${stem.replace(/[+]/g, "\\+")}[^|]*\\b${last}\\b`).test(section);
      expect(listed, `${label} is not in the README`).toBe(true);
    }
  });
});
