import { schema } from "@rapporteur/schema";
import { type MarkSpec, type NodeSpec, Schema } from "@tiptap/pm/model";
import { CHANGEABLE_BLOCKS } from "./trackedChange";

const changeMark: MarkSpec = {
  attrs: { author: { default: "" }, date: { default: "" } },
  inclusive: false,
  excludes: "insertion deletion",
};

/**
 * The report schema extended for compared documents only: the `insertion` and `deletion` marks
 * and a `change` attribute on blocks. Never used by the editor, so tracked changes cannot be
 * typed into a section; it checks what compareDocuments produces.
 */
export const compareSchema: Schema = new Schema({
  topNode: schema.spec.topNode,
  nodes: extendedNodes(),
  marks: schema.spec.marks.append({ insertion: changeMark, deletion: changeMark }),
});

function extendedNodes(): Record<string, NodeSpec> {
  const nodes: Record<string, NodeSpec> = {};
  schema.spec.nodes.forEach((name, spec) => {
    let next = spec;
    if (CHANGEABLE_BLOCKS.includes(name)) {
      next = { ...next, attrs: { ...next.attrs, change: { default: null } } };
    }
    if (typeof next.marks === "string" && next.marks !== "_" && next.marks !== "") {
      next = { ...next, marks: `${next.marks} insertion deletion` };
    }
    nodes[name] = next;
  });
  return nodes;
}
