import { FRAGMENT_NAME, replaceYDocContent, yDocToJSON } from "@rapporteur/schema";
import type { AttributedUpdate } from "@rapporteur/storage";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { historyCheckpoints } from "./historyCheckpoints";
import { wordChanges } from "./wordChanges";

const doc = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

describe("historyCheckpoints", () => {
  it("makes a checkpoint per author group, per minute, and per server edit, with the words each changed", () => {
    const ydoc = new Y.Doc();
    const rows: AttributedUpdate[] = [];
    let seq = 0;
    const edit = (texts: string[], meta: AttributedUpdate["meta"]) => {
      const before = Y.encodeStateVector(ydoc);
      replaceYDocContent(ydoc, doc(...texts) as never);
      rows.push({ seq: ++seq, data: Y.encodeStateAsUpdate(ydoc, before), meta });
    };
    const t = Date.UTC(2026, 11, 7, 14, 0, 5);
    edit(["Base text"], null);
    edit(["Base text grows"], { userIds: [1], at: t, kind: "edit" });
    edit(["Base text grows again"], { userIds: [1], at: t + 10_000, kind: "edit" });
    edit(["Base text grows again"], { userIds: [1], at: t + 70_000, kind: "edit" });
    edit(["Another author writes"], { userIds: [2], at: t + 80_000, kind: "edit" });
    edit(["Imported"], { userIds: [2], at: t + 90_000, kind: "import" });
    const { checkpoints, state } = historyCheckpoints(rows);
    expect(checkpoints.map((c) => [c.seq, c.userIds, c.kind, c.added, c.removed])).toEqual([
      [3, [1], "edit", 2, 0],
      [4, [1], "edit", 0, 0],
      [5, [2], "edit", 3, 4],
      [6, [2], "import", 1, 3],
    ]);
    const last = new Y.Doc();
    Y.applyUpdate(last, state);
    expect(last.getXmlFragment(FRAGMENT_NAME).toString()).toContain("Imported");
    const second = new Y.Doc();
    Y.applyUpdate(second, checkpoints[0]!.state);
    expect(JSON.stringify(yDocToJSON(second))).toContain("Base text grows again");
  });

  it("counts replaced words as added and removed, moved words as neither", () => {
    expect(wordChanges(doc("one two three") as never, doc("three one two") as never)).toEqual({
      added: 0,
      removed: 0,
    });
    expect(wordChanges(doc("Access is low") as never, doc("Access is high") as never)).toEqual({
      added: 1,
      removed: 1,
    });
    expect(wordChanges(null, doc("数字 divide") as never)).toEqual({ added: 3, removed: 0 });
  });
});
