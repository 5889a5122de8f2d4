import type { Page } from "playwright-core";
import { editorText } from "./browser";

/** Pastes as a browser does: a `paste` event whose DataTransfer holds text/html and/or text/plain. */
export async function pasteInto(page: Page, data: Record<string, string>): Promise<void> {
  await editorText(page).evaluate((element, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}
