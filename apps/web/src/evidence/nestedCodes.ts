import type { EvidenceCode } from "@rapporteur/api";

/** The codebook in reading order: each code followed by the codes nested under it, with depth. */
export function nestedCodes(
  codes: readonly EvidenceCode[],
): { code: EvidenceCode; depth: number }[] {
  const ids = new Set(codes.map((code) => code.id));
  const children = new Map<number | null, EvidenceCode[]>();
  for (const code of codes) {
    const parent = code.parent !== null && ids.has(code.parent) ? code.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const out: { code: EvidenceCode; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    for (const code of children.get(parent) ?? []) {
      out.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
