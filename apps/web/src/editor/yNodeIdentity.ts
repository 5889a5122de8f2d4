import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

type Mapping = Map<unknown, PMNode | PMNode[]>;

function mappingOf(state: EditorState): Mapping | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: { mapping?: Mapping } } | undefined;
  return sync?.binding?.mapping ?? null;
}

/**
 * The Yjs element that holds `node` in the shared document (y-tiptap's binding), or null when the
 * node is not synced yet. Nodes carry no ids; this is what tells two identical notes apart.
 */
export function yTypeOfNode(state: EditorState, node: PMNode): unknown {
  const mapping = mappingOf(state);
  if (!mapping) return null;
  for (const [type, mapped] of mapping) {
    if (mapped === node) return type;
  }
  return null;
}

/**
 * The Yjs element of every synced node of the document (block and inline), for telling apart
 * nodes that are equal in content.
 */
export function yTypesOfNodes(state: EditorState): Map<PMNode, unknown> {
  const types = new Map<PMNode, unknown>();
  for (const [type, mapped] of mappingOf(state) ?? []) {
    if (!Array.isArray(mapped)) types.set(mapped, type);
  }
  return types;
}

/** Where the node held by the Yjs element `type` is in the document now, or null if gone. */
export function positionOfYType(state: EditorState, type: unknown): number | null {
  const mapped = mappingOf(state)?.get(type);
  if (!mapped || Array.isArray(mapped)) return null;
  let found: number | null = null;
  state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node === mapped) found = pos;
    return found === null;
  });
  return found;
}
