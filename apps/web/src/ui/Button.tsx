import type { ButtonHTMLAttributes, Ref } from "react";

/** Props of {@link Button}: a native button's, plus its look. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary`: the main action; `quiet`: Cancel and the like; `danger`: destroys something. */
  variant?: "primary" | "quiet" | "danger";
  small?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** The app's button (`type="button"` unless told otherwise, so it never submits by accident). */
export function Button({ variant, small, className, type = "button", ...rest }: ButtonProps) {
  const classes = ["button", small && "button--small", variant && `button--${variant}`, className];
  return <button type={type} className={classes.filter(Boolean).join(" ")} {...rest} />;
}
