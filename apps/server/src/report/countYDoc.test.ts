import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { countYDoc } from "./countYDoc";

describe("countYDoc", () => {
  it("counts body and footnote words of a section", () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Digital public infrastructure")]);
    doc.getXmlFragment("default").insert(0, [paragraph]);
    expect(countYDoc(doc)).toEqual({ words: 3, footnoteWords: 0 });
  });

  it("never changes the document it counts, even one with nodes outside the schema", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("default");
    const strange = new Y.XmlElement("not-a-node");
    strange.insert(0, [new Y.XmlText("ignored")]);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("two words")]);
    fragment.insert(0, [strange, paragraph]);
    const before = Y.encodeStateAsUpdate(doc);
    let changed = false;
    doc.on("update", () => {
      changed = true;
    });
    expect(countYDoc(doc).words).toBe(2);
    expect(changed).toBe(false);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  });
});
