import type { Element } from "@xmldom/xmldom";
import type { ImportWarnings } from "./importWarnings";
import { attribute, descendantElements, nameOf } from "./wordElement";

/**
 * Reports a drawing, VML picture or embedded object that the import leaves out, naming what it
 * is (image, chart, SmartArt, text box with its first words, shape, embedded object).
 */
export function warnObject(element: Element, warnings: ImportWarnings): void {
  const name = nameOf(element);
  if (name === "w:object") {
    warnings.add("embeddedObject");
    return;
  }
  const textBox =
    descendantElements(element, "wps:txbx")[0] ?? descendantElements(element, "v:textbox")[0];
  if (textBox) {
    warnings.add("textBox", snippet(textBox));
    return;
  }
  if (name === "w:pict") {
    warnings.add(descendantElements(element, "v:imagedata").length > 0 ? "image" : "shape");
    return;
  }
  const uri = attribute(descendantElements(element, "a:graphicData")[0], "uri") ?? "";
  if (uri.endsWith("/picture")) warnings.add("image");
  else if (uri.includes("chart")) warnings.add("chart");
  else if (uri.endsWith("/diagram")) warnings.add("smartArt");
  else warnings.add("shape");
}

function snippet(element: Element): string {
  const text = descendantElements(element, "w:t")
    .map((t) => t.textContent ?? "")
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return "(empty)";
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
