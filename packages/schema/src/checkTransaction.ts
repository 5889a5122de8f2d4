import * as Y from "yjs";
import { FRAGMENT_NAME } from "./fragmentName";
import { nodeTypeOf, SchemaWalk } from "./SchemaWalk";
import type { SchemaCheck } from "./schemaCheck";
import type { AnyYType } from "./yType";

/**
 * Whether what a Yjs transaction changed fits the report schema, checked as
 * {@link checkFragment} would but only where the transaction changed something: each changed
 * type (its attributes and children), and whatever it added, all the way down. Everything else
 * is taken to fit already (check it in full once, on load). The document must have had its
 * fragment created with `getXmlFragment` before the transaction.
 */
export function checkTransaction(transaction: Y.Transaction): SchemaCheck {
  const doc = transaction.doc;
  const fragment = doc.share.get(FRAGMENT_NAME);
  const walk = new SchemaWalk(1);
  const isNew = (item: Y.Item) =>
    item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  for (const type of transaction.changed.keys()) {
    const place = locate(type);
    if (!place) continue;
    if (place.root !== fragment) {
      walk.otherRoot(place.root, rootName(doc, place.root));
    } else if (type instanceof Y.XmlText) {
      const parent = type._item?.parent;
      const parentType = parent instanceof Y.XmlFragment ? nodeTypeOf(parent) : undefined;
      if (parentType) walk.text(type, parentType, place.path);
      else walk.unexpected(type, place.path);
    } else if (type instanceof Y.XmlFragment) {
      const nodeType = nodeTypeOf(type);
      if (nodeType) walk.container(type, nodeType, place.depth, place.path, isNew);
      else walk.unexpected(type, place.path);
    } else {
      // Only elements and text can be reached in a fitting fragment: this one was let in
      // before the check existed.
      walk.unexpected(type, place.path);
    }
    if (walk.done) break;
  }
  const [violation] = walk.found;
  if (!violation) return { ok: true };
  return { ok: false, rule: violation.rule, path: violation.path, message: violation.message };
}

interface Place {
  root: AnyYType;
  depth: number;
  path: string;
}

/** The root of a type, its element depth below it and a path; null when it is deleted. */
function locate(type: AnyYType): Place | null {
  const steps: string[] = [];
  let depth = 0;
  let current = type;
  while (current._item !== null) {
    const item = current._item;
    if (item.deleted) return null;
    if (current instanceof Y.XmlElement) {
      depth++;
      steps.push(current.nodeName);
    } else {
      steps.push(current instanceof Y.XmlText ? "text" : current.constructor.name);
    }
    current = item.parent as AnyYType;
  }
  return { root: current, depth, path: [FRAGMENT_NAME, ...steps.reverse()].join("/") };
}

function rootName(doc: Y.Doc, root: AnyYType): string {
  for (const [name, type] of doc.share) if (type === root) return name;
  return "?";
}
