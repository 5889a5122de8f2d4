/**
 * Another person's caret in the text: a coloured bar with their name above it. The caret itself
 * carries the text alternative ("Amina Diallo's cursor"), so a screen reader reading the text
 * says where each co-author is; the drawn name is hidden from it (said once, not twice).
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === "string" ? user.name : "Someone";
  const color = typeof user.color === "string" ? user.color : "#1f5f99";
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  caret.setAttribute("role", "img");
  caret.setAttribute("aria-label", `${name}’s cursor`);
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.setAttribute("aria-hidden", "true");
  label.textContent = name;
  caret.append(label);
  return caret;
}
