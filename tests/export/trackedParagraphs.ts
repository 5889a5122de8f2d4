/** A paragraph of a document after its tracked changes are accepted or rejected. */
export interface ResolvedParagraph {
  /** Numbered as a body paragraph (the most common numbering of "SingleTxt" paragraphs). */
  numbered: boolean;
  text: string;
}

/**
 * The body paragraphs of a WordprocessingML `document.xml` as Word shows them once every tracked
 * change is accepted (or rejected), following Word's rules: inserted (deleted) runs kept or
 * dropped; a paragraph whose paragraph mark is deleted (inserted) joins the next one, which keeps
 * its own properties; a tracked formatting change (`w:pPrChange`) gives the new (old) properties.
 */
export function trackedParagraphs(
  documentXml: string,
  mode: "accept" | "reject" | "none",
): ResolvedParagraph[] {
  const dropped = mode === "accept" ? "del" : "ins";
  const paragraphs = [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
  // The paragraph's properties: up to the end of its tracked formatting change, if any.
  const outerPPr = (p: string) =>
    p.match(/^<w:pPr>(.*?<\/w:pPrChange>)<\/w:pPr>/s) ?? p.match(/^<w:pPr>(.*?)<\/w:pPr>/s);
  const props = (p: string) => {
    const pPr = outerPPr(p)?.[1] ?? "";
    const change = pPr.match(/<w:pPrChange\b[^>]*>(.*?)<\/w:pPrChange>/s);
    const current = pPr.replace(/<w:pPrChange\b.*<\/w:pPrChange>/s, "");
    return { current, old: change?.[1] ?? current };
  };
  const numId = (pPr: string) =>
    /<w:pStyle w:val="SingleTxt"\/>/.test(pPr)
      ? pPr.match(/<w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/)?.[1]
      : undefined;
  // The body numbering: the most frequent numbering of SingleTxt paragraphs.
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    const id = numId(props(p).current);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const body = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const out: ResolvedParagraph[] = [];
  let pending = "";
  for (const p of paragraphs) {
    const { current, old } = props(p);
    const pPr = mode === "reject" ? old : current;
    const runs = p.slice(outerPPr(p)?.[0].length ?? 0);
    const kept =
      mode === "none"
        ? runs
        : runs.replace(new RegExp(`<w:${dropped}\\b[^>]*>.*?</w:${dropped}>`, "gs"), "");
    const text = [...kept.matchAll(/<w:(?:t|delText)\b[^>]*>([^<]*)<\/w:(?:t|delText)>/g)]
      .map((m) => m[1])
      .join("");
    const markDropped =
      mode !== "none" &&
      new RegExp(`<w:rPr>[^]*<w:${dropped} `).test(current.replace(/<w:numPr>.*?<\/w:numPr>/s, ""));
    if (markDropped) {
      pending += text;
      continue;
    }
    out.push({ numbered: body !== undefined && numId(pPr) === body, text: pending + text });
    pending = "";
  }
  return out;
}
