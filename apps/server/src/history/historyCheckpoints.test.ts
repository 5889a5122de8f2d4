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

  it("gives authors typing at the same time one group listing them all, not a checkpoint per keystroke; turns stay apart", () => {
    const ydoc = new Y.Doc();
    const rows: AttributedUpdate[] = [];
    const t = Date.UTC(2026, 11, 7, 14, 0, 0);
    const text = ydoc.getXmlFragment(FRAGMENT_NAME);
    const paragraph = new Y.XmlElement("paragraph");
    const words = new Y.XmlText();
    paragraph.insert(0, [words]);
    text.insert(0, [paragraph]);
    rows.push({ seq: 1, data: Y.encodeStateAsUpdate(ydoc), meta: null });
    const type = (seq: number, userIds: number[], at: number) => {
      const before = Y.encodeStateVector(ydoc);
      words.insert(words.length, `w${seq} `);
      rows.push({
        seq,
        data: Y.encodeStateAsUpdate(ydoc, before),
        meta: { userIds, at, kind: "edit" },
      });
    };
    // Five authors typing at once for 50 seconds: single keystrokes and merged batches.
    for (let seq = 2; seq <= 201; seq++) {
      type(seq, seq % 7 === 0 ? [1, 3, 5] : [(seq % 5) + 1], t + (seq - 2) * 250);
    }
    // Later, within the same minute, a sixth author alone: a group of its own.
    type(202, [6], t + 55_000);
    type(203, [6], t + 56_000);
    // Taking turns is not writing together: each turn stays a group of its own.
    type(204, [1], t + 61_000);
    type(205, [2], t + 64_000);
    type(206, [1], t + 67_000);
    const { checkpoints } = historyCheckpoints(rows);
    // Each author's first keystroke is a group of its own until one comes back (or a batch
    // merges several): from then on one group holds them all.
    expect(checkpoints.map((c) => [c.seq, c.userIds, c.added])).toEqual([
      [2, [3], 1],
      [3, [4], 1],
      [4, [5], 1],
      [5, [1], 1],
      [201, [1, 2, 3, 4, 5], 196],
      [203, [6], 2],
      [204, [1], 1],
      [205, [2], 1],
      [206, [1], 1],
    ]);
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
