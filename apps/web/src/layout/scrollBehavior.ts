/** "smooth", unless the person asked their system for reduced motion: then the jump is instant. */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}
