import type { Element } from "@xmldom/xmldom";
import { attribute, childElements, nameOf } from "./wordElement";

/** One relationship of a part: a link to another part or an external address. */
export interface Relationship {
  /** The last segment of the relationship type, e.g. `styles`, `footnotes`, `hyperlink`. */
  type: string;
  /** For an internal target, the package path (`word/styles.xml`); else the target as written. */
  target: string;
  external: boolean;
}

/** Relationships of one part by id, read from its `_rels/*.rels` part. */
export type Relationships = Map<string, Relationship>;

/** The `.rels` path of a part: `word/document.xml` -> `word/_rels/document.xml.rels`. */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Reads a `.rels` part, resolving internal targets against the folder of `part`. */
export function parseRelationships(root: Element | undefined, part: string): Relationships {
  const out: Relationships = new Map();
  if (!root) return out;
  for (const rel of childElements(root)) {
    if (nameOf(rel) !== "rel:Relationship" && rel.localName !== "Relationship") continue;
    const id = attribute(rel, "Id");
    const target = attribute(rel, "Target");
    if (!id || target === undefined) continue;
    const external = attribute(rel, "TargetMode")?.toLowerCase() === "external";
    out.set(id, {
      type: (attribute(rel, "Type") ?? "").split("/").pop() ?? "",
      target: external ? target : resolvePath(part, target),
      external,
    });
  }
  return out;
}

/** The first internal target of a relationship type, e.g. the `styles` part of the document. */
export function targetOfType(relationships: Relationships, type: string): string | undefined {
  for (const rel of relationships.values()) {
    if (rel.type === type && !rel.external) return rel.target;
  }
  return undefined;
}

function resolvePath(part: string, target: string): string {
  const segments = target.startsWith("/") ? [] : part.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}
