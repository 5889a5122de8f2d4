const isApple =
  typeof navigator !== "undefined" && /Mac|iPhone|iPad|iPod/.test(navigator.platform ?? "");

/**
 * Writes a Tiptap key binding ("Mod-Alt-3") the way the user's platform shows shortcuts:
 * "Ctrl+Alt+3" on Windows and Linux, "⌘⌥3" on Apple devices.
 */
export function shortcutLabel(binding: string, apple: boolean = isApple): string {
  const parts = binding.split("-").map((part) => {
    switch (part) {
      case "Mod":
        return apple ? "⌘" : "Ctrl";
      case "Alt":
        return apple ? "⌥" : "Alt";
      case "Shift":
        return apple ? "⇧" : "Shift";
      default:
        return part.length === 1 ? part.toUpperCase() : part;
    }
  });
  return parts.join(apple ? "" : "+");
}
