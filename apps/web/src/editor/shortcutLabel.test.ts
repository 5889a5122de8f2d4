import { describe, expect, it } from "vitest";
import { shortcutLabel } from "./shortcutLabel";

describe("shortcutLabel", () => {
  it.each([
    ["Mod-b", false, "Ctrl+B"],
    ["Mod-Alt-3", false, "Ctrl+Alt+3"],
    ["Mod-Shift-8", false, "Ctrl+Shift+8"],
    ["Mod-b", true, "⌘B"],
    ["Mod-Alt-3", true, "⌘⌥3"],
  ])("%s (Apple: %s) reads %s", (binding, apple, label) => {
    expect(shortcutLabel(binding, apple)).toBe(label);
  });
});
