import type { AttributeSpec, ContentMatch, NodeType } from "@tiptap/pm/model";
import * as Y from "yjs";
import { schema } from "./schema";
import { MAX_NESTING_DEPTH, type SchemaRule, type SchemaViolation } from "./schemaCheck";
import type { AnyYType } from "./yType";

/** A violation and the items whose deletion removes it (what a repair drops). */
export interface FoundViolation extends SchemaViolation {
  items: Y.Item[];
}

/** The node types a content expression can ever hold, per node type (computed once). */
const allowedChildren = new Map<NodeType, Set<NodeType>>();

function childrenAllowedIn(type: NodeType): Set<NodeType> {
  let allowed = allowedChildren.get(type);
  if (allowed) return allowed;
  allowed = new Set();
  const seen = new Set<ContentMatch>();
  const queue: ContentMatch[] = [type.contentMatch];
  while (queue.length > 0) {
    const match = queue.pop() as ContentMatch;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      allowed.add(edge.type);
      queue.push(edge.next);
    }
  }
  allowedChildren.set(type, allowed);
  return allowed;
}

/** y-tiptap stores overlapping marks as `name--hash` (see its `yattr2markname`). */
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function markName(attribute: string): string {
  return HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute;
}

function isPlainScalar(value: unknown): boolean {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** What y-tiptap writes as node attributes: scalars, or lists of them (table column widths). */
function isPlainValue(value: unknown): boolean {
  return isPlainScalar(value) || (Array.isArray(value) && value.every(isPlainScalar));
}

/** Why an attribute's own rule (its `validate`, as in the schema) refuses `value`, or null. */
function refusal(spec: AttributeSpec | undefined, value: unknown): string | null {
  const validate = spec?.validate;
  if (typeof validate === "function") {
    try {
      validate(value);
    } catch (error) {
      return error instanceof Error ? error.message : "refused";
    }
  } else if (typeof validate === "string") {
    const allowed = validate.split("|");
    const kind = value === null ? "null" : typeof value;
    if (!allowed.includes(kind)) return `expected ${validate}`;
  }
  return null;
}

/** The node type a Yjs container stands for: the fragment is the document. */
export function nodeTypeOf(type: Y.XmlFragment | Y.XmlElement): NodeType | undefined {
  if (!(type instanceof Y.XmlElement)) return schema.topNodeType;
  const nodeType = schema.nodes[type.nodeName];
  return nodeType && !nodeType.isText ? nodeType : undefined;
}

/**
 * Walks Yjs types against the report schema and collects what does not fit, up to `limit`
 * violations (1 to check, unbounded to repair). Containers are checked one level at a time; the
 * caller decides which children are walked into (all of them, or only those an update added).
 */
export class SchemaWalk {
  readonly found: FoundViolation[] = [];

  constructor(private readonly limit: number) {}

  /** Whether the walk has found as much as it was asked for. */
  get done(): boolean {
    return this.found.length >= this.limit;
  }

  /**
   * Checks a container (the fragment or an element) of node type `nodeType` at `depth`: its
   * attributes and each child, and walks into the children for which `walkInto` is true.
   */
  container(
    type: Y.XmlFragment | Y.XmlElement,
    nodeType: NodeType,
    depth: number,
    path: string,
    walkInto: (item: Y.Item) => boolean,
  ): void {
    this.#attributes(type, nodeType, path);
    const allowed = childrenAllowedIn(nodeType);
    let index = 0;
    for (let item = type._start; item !== null && !this.done; item = item.right) {
      if (item.deleted) continue;
      const at = index;
      index += item.length;
      const content = item.content;
      const child = content instanceof Y.ContentType ? content.type : null;
      if (child instanceof Y.XmlElement) {
        const childPath = `${path}/${at}:${child.nodeName}`;
        const childType = nodeTypeOf(child);
        if (!childType) {
          this.#add("node", childPath, `unknown node '${child.nodeName}'`, [item]);
        } else if (!allowed.has(childType)) {
          this.#add("placement", childPath, `${nodeType.name} cannot hold ${childType.name}`, [
            item,
          ]);
        } else if (depth + 1 > MAX_NESTING_DEPTH) {
          this.#add("depth", childPath, `nested deeper than ${MAX_NESTING_DEPTH}`, [item]);
        } else if (walkInto(item)) {
          this.container(child, childType, depth + 1, childPath, walkInto);
        }
      } else if (child instanceof Y.XmlText) {
        const childPath = `${path}/${at}:text`;
        if (!allowed.has(schema.nodes.text as NodeType)) {
          this.#add("placement", childPath, `${nodeType.name} cannot hold text`, [item]);
        } else if (walkInto(item)) {
          this.text(child, nodeType, childPath);
        }
      } else {
        const kind = child ? child.constructor.name : content.constructor.name;
        this.#add("type", `${path}/${at}`, `${kind} is not an element or text`, [item]);
      }
    }
  }

  /** Checks a text node in a parent of node type `parentType`: its content and its marks. */
  text(text: Y.XmlText, parentType: NodeType, path: string): void {
    this.#noAttributes(text, path);
    for (let item = text._start; item !== null && !this.done; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentString) continue;
      if (content instanceof Y.ContentFormat) {
        // A null value ends a formatting range: it adds nothing.
        if (content.value === null) continue;
        const problem = this.#markProblem(content.key, content.value, parentType);
        if (problem) this.#add("mark", path, problem, [item]);
        continue;
      }
      const kind =
        content instanceof Y.ContentType ? content.type.constructor.name : content.constructor.name;
      this.#add("type", path, `${kind} inside text`, [item]);
    }
  }

  /** Reports a type that has no place in a section (its item is dropped by a repair). */
  unexpected(type: AnyYType, path: string): void {
    const items = type._item ? [type._item] : [];
    this.#add("type", path, `${type.constructor.name} is not an element or text`, items);
  }

  /** Checks a root type other than the fragment: the app keeps nothing there. */
  otherRoot(type: AnyYType, name: string): void {
    const items: Y.Item[] = [];
    for (let item = type._start; item !== null; item = item.right) {
      if (!item.deleted) items.push(item);
    }
    for (const item of type._map.values()) {
      if (!item.deleted) items.push(item);
    }
    if (items.length > 0) {
      this.#add("root", name, `shared type '${name}' is not part of a section`, items);
    }
  }

  #markProblem(key: string, value: unknown, parentType: NodeType): string | null {
    const markType = schema.marks[markName(key)];
    if (!markType) return `unknown mark '${key}'`;
    if (!parentType.allowsMarkType(markType)) {
      return `${parentType.name} does not allow mark ${markType.name}`;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return `mark ${markType.name} has a malformed value`;
    }
    for (const [attribute, attributeValue] of Object.entries(value)) {
      if (!Object.hasOwn(markType.spec.attrs ?? {}, attribute)) {
        return `mark ${markType.name} has no attribute '${attribute}'`;
      }
      if (!isPlainScalar(attributeValue)) {
        return `attribute '${attribute}' of mark ${markType.name} is not a plain value`;
      }
      const refused = refusal(markType.spec.attrs?.[attribute], attributeValue);
      if (refused) return `attribute '${attribute}' of mark ${markType.name}: ${refused}`;
    }
    return null;
  }

  #attributes(type: Y.XmlFragment | Y.XmlElement, nodeType: NodeType, path: string): void {
    if (!(type instanceof Y.XmlElement)) {
      this.#noAttributes(type, path);
      return;
    }
    for (const [key, item] of type._map) {
      if (item.deleted || this.done) continue;
      const value = item.content.getContent()[0];
      if (!Object.hasOwn(nodeType.spec.attrs ?? {}, key)) {
        this.#add("attribute", path, `${nodeType.name} has no attribute '${key}'`, [item]);
      } else if (!(item.content instanceof Y.ContentAny) || !isPlainValue(value)) {
        this.#add("attribute", path, `attribute '${key}' is not a plain value`, [item]);
      } else {
        const refused = refusal(nodeType.spec.attrs?.[key], value);
        if (refused) this.#add("attribute", path, `attribute '${key}': ${refused}`, [item]);
      }
    }
  }

  #noAttributes(type: AnyYType, path: string): void {
    for (const [key, item] of type._map) {
      if (item.deleted || this.done) continue;
      this.#add("attribute", path, `unexpected attribute or entry '${key}'`, [item]);
    }
  }

  #add(rule: SchemaRule, path: string, message: string, items: Y.Item[]): void {
    this.found.push({ rule, path, message, items });
  }
}
