import { describe, expect, it } from "vitest";
import { REPORT_BLOCK_NODES, REPORT_INLINE_NODES, REPORT_STRUCTURE_NODES } from "./nodeNames";
import { schema } from "./schema";

describe("report node names", () => {
  it("name every node type of the schema once, so converters' tables cover them all", () => {
    const listed = [...REPORT_BLOCK_NODES, ...REPORT_INLINE_NODES, ...REPORT_STRUCTURE_NODES];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(schema.nodes).sort());
  });

  it("put each node type in the role the schema gives it", () => {
    for (const name of REPORT_INLINE_NODES) expect(schema.nodes[name]?.isInline).toBe(true);
    for (const name of REPORT_BLOCK_NODES) expect(schema.nodes[name]?.isBlock).toBe(true);
  });
});
