// Fuzzing with valid Yjs updates that do not fit the document schema: Y.Map, Y.Array and plain
// values in the fragment, unknown elements, attributes and marks, children their parent cannot
// hold, deep nesting, shared types outside the fragment; and valid edits, which must go through.
// Each is sent by a real drafter connection to a real server; every hostile one must be refused
// with 4422 and leave the section, its exports and its word count as they were. Also: the size
// limit per section, and the repair of hostile content already in storage when a section loads.
// FUZZ_SEED replays a run; SOAK=1 multiplies the case counts by 10.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  checkFragment,
  type DocJSON,
  FRAGMENT_NAME,
  replaceYDocContent,
  yDocToJSON,
} from "@rapporteur/schema";
import { SqliteStore } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docArbitrary } from "../../packages/markdown/src/docArbitrary";
import { callApi } from "../support/callApi";
import { randomEdit, seededRandom } from "../support/collabClient";
import { storedDocument } from "../support/databaseSnapshot";
import { type CloseInfo, RawCollabSocket, syncMessage } from "../support/rawCollabSocket";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
const SCALE = process.env.SOAK ? 10 : 1;
const SECTION = "p1-context";
const FINDING_SECTION = "p1-technology";
const SIZE_SECTION = "p1-ecosystem";
const MAX_SECTION_BYTES = 256 * 1024;

/** An edit to a copy of the section, as a client would make it. */
interface Edit {
  kind: string;
  /** The close code the server must answer with; null: it must take the edit. */
  refusal: number | null;
  apply(doc: Y.Doc): void;
}

/** The update an edit makes to a copy of the server's state. */
function updateOf(state: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Every element of the fragment, depth first. */
function elementsOf(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (type: Y.XmlFragment) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(doc.getXmlFragment(FRAGMENT_NAME));
  return found;
}

function textsOf(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const parent of [doc.getXmlFragment(FRAGMENT_NAME), ...elementsOf(doc)]) {
    for (const child of parent.toArray()) if (child instanceof Y.XmlText) texts.push(child);
  }
  return texts;
}

/** Containers of the document the edit may write into: the fragment or any element. */
function containerAt(doc: Y.Doc, pick: number): Y.XmlFragment {
  const all: Y.XmlFragment[] = [doc.getXmlFragment(FRAGMENT_NAME), ...elementsOf(doc)];
  return all[pick % all.length]!;
}

/** Inserts `children` into `parent` at a position chosen by `pick`. */
function insertAt(parent: Y.XmlFragment, pick: number, children: Y.XmlElement[] | Y.XmlText[]) {
  parent.insert(pick % (parent.length + 1), children as Y.XmlElement[]);
}

// An independent reading of the schema (not the server's code): children each node can never hold,
// the chain of elements that leads to a node from the fragment, and each node's attributes.
const NEVER_HOLDS: Record<string, string[]> = {
  "": ["#text", "listItem", "tableRow", "tableCell", "tableHeader", "hardBreak", "footnote", "doc"],
  paragraph: ["paragraph", "blockquote", "table", "listItem", "heading"],
  heading: ["paragraph", "bulletList"],
  bulletList: ["paragraph", "#text", "table"],
  orderedList: ["paragraph", "#text", "heading"],
  listItem: ["#text", "listItem", "tableRow"],
  blockquote: ["#text", "listItem"],
  table: ["paragraph", "tableCell", "#text"],
  tableRow: ["paragraph", "#text", "tableRow"],
  tableCell: ["#text", "tableCell", "listItem"],
  footnote: ["footnote", "hardBreak", "paragraph"],
  hardBreak: ["#text", "paragraph"],
};
const CHAIN: Record<string, string[]> = {
  "": [],
  paragraph: ["paragraph"],
  heading: ["heading"],
  bulletList: ["bulletList"],
  orderedList: ["orderedList"],
  listItem: ["bulletList", "listItem"],
  blockquote: ["blockquote"],
  table: ["table"],
  tableRow: ["table", "tableRow"],
  tableCell: ["table", "tableRow", "tableCell"],
  footnote: ["paragraph", "footnote"],
  hardBreak: ["paragraph", "hardBreak"],
};
const ATTRIBUTES: Record<string, string[]> = {
  heading: ["level"],
  orderedList: ["start", "type"],
  tableCell: ["colspan", "rowspan", "colwidth", "align"],
  tableHeader: ["colspan", "rowspan", "colwidth", "align"],
};
const UNKNOWN_ELEMENTS = ["script", "iframe", "img", "div", "codeBlock", "style", "text", "p"];
const UNKNOWN_MARKS = ["strike", "code", "underline", "highlight", "script", "onclick"];
const STRANGE_NAMES = ["onclick", "style", "src", "href", "data-x", "__proto__x", "class"];

/** Builds the chain of elements leading to a `parent` node and returns the innermost one. */
function chainInto(doc: Y.Doc, pick: number, parent: string): Y.XmlFragment {
  let container: Y.XmlFragment = doc.getXmlFragment(FRAGMENT_NAME);
  for (const name of CHAIN[parent]!) {
    const element = new Y.XmlElement(name);
    insertAt(container, pick, [element]);
    container = element;
  }
  return container;
}

function nested(doc: Y.Doc, pick: number, depth: number, names: readonly string[]): void {
  doc.transact(() => {
    // Outside in: integrating thousands of nested new types at once would overflow the stack.
    let parent: Y.XmlFragment = containerAt(doc, 0);
    const first = new Y.XmlElement(names[0]!);
    insertAt(parent, pick, [first]);
    parent = first;
    for (let i = 1; i < depth; i++) {
      const element = new Y.XmlElement(names[i % names.length]!);
      parent.insert(0, [element]);
      parent = element;
    }
  });
}

const pick = fc.nat({ max: 10_000 });

/** Valid edits that do not fit the schema, each with the close code that refuses it. */
const hostileArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .record({
      pick,
      make: fc.constantFrom(
        () => new Y.Map(),
        () => new Y.Array(),
        () => new Y.Text("plain"),
        () => new Y.XmlHook("hook"),
      ),
    })
    .map(({ pick, make }) => ({
      kind: "shared type in the fragment",
      refusal: 4422,
      apply: (doc: Y.Doc) => insertAt(containerAt(doc, pick), pick, [make() as never]),
    })),
  fc
    .record({ pick, value: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue()) })
    .map(({ pick, value }) => ({
      kind: "plain content in the fragment",
      refusal: 4422,
      apply: (doc: Y.Doc) => {
        // The peer's root is still untyped: typed here as a client with other types would.
        if (typeof value === "string" && value !== "" && pick % 3 === 0)
          doc.getText(FRAGMENT_NAME).insert(0, value);
        else if (pick % 3 === 1) doc.getArray(FRAGMENT_NAME).insert(0, [value ?? 1]);
        else doc.getMap(FRAGMENT_NAME).set(`k${pick}`, value ?? 1);
      },
    })),
  fc
    .record({ pick, name: fc.oneof(fc.constantFrom(...UNKNOWN_ELEMENTS), fc.string()) })
    .filter(({ name }) => !(name in CHAIN) && name !== "tableHeader")
    .map(({ pick, name }) => ({
      kind: "unknown element",
      refusal: 4422,
      apply: (doc: Y.Doc) => insertAt(containerAt(doc, pick), pick, [new Y.XmlElement(name)]),
    })),
  fc
    .record({
      pick,
      parent: fc.constantFrom(...Object.keys(NEVER_HOLDS)),
      child: fc.nat(),
      existing: fc.boolean(),
    })
    .map(({ pick, parent, child, existing }) => {
      const childName = NEVER_HOLDS[parent]![child % NEVER_HOLDS[parent]!.length]!;
      return {
        kind: "child its parent cannot hold",
        refusal: 4422,
        apply: (doc: Y.Doc) => {
          const found = existing ? elementsOf(doc).find((e) => e.nodeName === parent) : undefined;
          const container = found ?? chainInto(doc, pick, parent);
          const node = childName === "#text" ? new Y.XmlText("loose") : new Y.XmlElement(childName);
          insertAt(container, pick, [node as Y.XmlElement]);
        },
      };
    }),
  fc
    .record({
      pick,
      name: fc.oneof(fc.constantFrom(...STRANGE_NAMES), fc.string({ minLength: 1 })),
    })
    .map(({ pick, name }) => ({
      kind: "unknown attribute",
      refusal: 4422,
      apply: (doc: Y.Doc) => {
        const elements = elementsOf(doc);
        const element = elements.length > 0 ? elements[pick % elements.length]! : null;
        const target = element ?? (chainInto(doc, pick, "paragraph") as Y.XmlElement);
        const known = ATTRIBUTES[target.nodeName] ?? [];
        // A known attribute gets a value no editor writes: an object.
        if (known.includes(name)) target.setAttribute(name, { evil: true } as never);
        else target.setAttribute(name, "x");
      },
    })),
  fc
    .record({
      pick,
      mark: fc.oneof(
        fc.constantFrom(...UNKNOWN_MARKS).map((name) => ({ [name]: {} })),
        fc.constant({ link: { href: "https://un.org", onclick: "x" } }),
        fc.constant({ bold: "yes" }),
      ),
    })
    .map(({ pick, mark }) => ({
      kind: "unknown mark",
      refusal: 4422,
      apply: (doc: Y.Doc) => {
        const texts = textsOf(doc).filter((t) => t.length > 0);
        if (texts.length === 0) {
          const text = new Y.XmlText();
          chainInto(doc, pick, "paragraph").insert(0, [text]);
          text.insert(0, "marked", mark);
        } else {
          const text = texts[pick % texts.length]!;
          text.format(pick % text.length, 1, mark);
        }
      },
    })),
  pick.map((p) => ({
    kind: "embed in text",
    refusal: 4422,
    apply: (doc: Y.Doc) => {
      const text = new Y.XmlText("x");
      chainInto(doc, p, "paragraph").insert(0, [text]);
      text.insertEmbed(0, { image: "https://example.org/x.png" });
    },
  })),
  fc
    .record({
      pick,
      depth: fc.integer({ min: 33, max: 2000 }),
      names: fc.constantFrom(["blockquote"], ["bulletList", "listItem"], ["blockquote", "table"]),
    })
    .map(({ pick, depth, names }) => ({
      kind: "nesting too deep",
      // A blockquote holding a table holding... fails as misplaced before it gets too deep.
      refusal: 4422,
      apply: (doc: Y.Doc) => nested(doc, pick, depth, names),
    })),
  fc
    .record({
      name: fc.oneof(fc.constantFrom("comments", "meta", "prosemirror", "default2"), fc.string()),
      how: fc.constantFrom("map", "array", "text", "xml"),
    })
    .filter(({ name }) => name !== FRAGMENT_NAME)
    .map(({ name, how }) => ({
      kind: "shared type outside the fragment",
      refusal: 4422,
      apply: (doc: Y.Doc) => {
        if (how === "map") doc.getMap(name).set("x", 1);
        else if (how === "array") doc.getArray(name).insert(0, [1]);
        else if (how === "text") doc.getText(name).insert(0, "x");
        else doc.getXmlFragment(name).insert(0, [new Y.XmlElement("paragraph")]);
      },
    })),
  // A valid new subtree with something hostile deep inside it.
  fc
    .record({ pick, doc: docArbitrary, name: fc.constantFrom(...UNKNOWN_ELEMENTS) })
    .map(({ pick, doc: json, name }) => ({
      kind: "hostile node inside new valid content",
      refusal: 4422,
      apply: (doc: Y.Doc) => {
        replaceYDocContent(doc, json);
        const elements = elementsOf(doc);
        const deepest = elements[elements.length - 1 - (pick % elements.length)]!;
        deepest.insert(0, [new Y.XmlElement(name)]);
      },
    })),
);

/** Edits the editor makes: they must be taken. */
const validArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  docArbitrary.map((json) => ({
    kind: "whole document replaced",
    refusal: null,
    apply: (doc: Y.Doc) => replaceYDocContent(doc, json),
  })),
  fc.nat().map((seed) => ({
    kind: "typing",
    refusal: null,
    apply: (doc: Y.Doc) => {
      const random = seededRandom(seed);
      for (let i = 0; i < 5; i++) randomEdit(doc.getXmlFragment(FRAGMENT_NAME), random, "t");
    },
  })),
  fc
    .record({
      pick,
      mark: fc.constantFrom<Record<string, unknown>>(
        { bold: {} },
        { italic: {} },
        { bold: null },
        {
          link: {
            href: "https://www.un.org",
            target: "_blank",
            rel: null,
            class: null,
            title: null,
          },
        },
      ),
    })
    .map(({ pick, mark }) => ({
      kind: "formatting",
      refusal: null,
      apply: (doc: Y.Doc) => {
        const texts = textsOf(doc).filter((t) => t.length > 0);
        const text = texts[pick % Math.max(1, texts.length)];
        text?.format(pick % text.length, 1 + (pick % 3), mark);
      },
    })),
);

interface SectionState {
  state: Uint8Array;
  markdown: string;
  words: number;
}

describe("updates that do not fit the document schema", () => {
  let server: ServerProcess;
  let drafter: string;

  beforeAll(async () => {
    server = await startServerProcess({
      env: {
        RAPPORTEUR_MAX_MESSAGES_PER_SECOND: "0",
        RAPPORTEUR_MAX_CONNECTIONS_PER_USER: "200",
        RAPPORTEUR_MAX_SECTION_BYTES: String(MAX_SECTION_BYTES),
      },
    });
    drafter = await loginAs(server.url, "drafter");
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function probe(section: string): Promise<Uint8Array> {
    const socket = await RawCollabSocket.open(server.url, section, drafter);
    const state = await socket.sendAndProbe();
    socket.close();
    if (!(state instanceof Uint8Array)) throw new Error(`${section}: ${state.reason}`);
    return state;
  }

  /** What a user sees of a section: its whole state, its Markdown export, its word count. */
  async function sectionState(section: string): Promise<SectionState> {
    const state = await probe(section);
    const md = await fetch(`${server.url}/api/export?format=md&section=${section}`, {
      headers: { cookie: drafter },
    });
    expect(md.status).toBe(200);
    const docx = await fetch(
      `${server.url}/api/export?format=docx&variant=review&section=${section}`,
      {
        headers: { cookie: drafter },
      },
    );
    expect(docx.status).toBe(200);
    // The count follows changes after a short debounce: wait until it counts this state.
    const words = countDocument(yDocToJSON(docOf(state))).words;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = await callApi(server.url, drafter, "GET", `/sections/${section}`);
      expect(view.status).toBe(200);
      if (view.body.words === words) break;
      if (Date.now() > deadline)
        throw new Error(`${section}: count ${view.body.words}, not ${words}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { state, markdown: await md.text(), words };
  }

  /** Sends one edit from a drafter connection: the close, or null once it is stored and applied. */
  async function send(socket: RawCollabSocket, update: Uint8Array): Promise<CloseInfo | null> {
    const answer = await socket.sendAndProbe(syncMessage(2, update));
    if (!(answer instanceof Uint8Array)) return answer;
    // The probe was answered before the update was stored; a second one comes after.
    const settled = await socket.sendAndProbe();
    return settled instanceof Uint8Array ? null : settled;
  }

  async function expectRefused(section: string, edit: (doc: Y.Doc) => void, code: number) {
    const before = await sectionState(section);
    const update = updateOf(before.state, edit);
    const socket = await RawCollabSocket.open(server.url, section, drafter);
    const close = await send(socket, update);
    socket.close();
    expect(close?.code, close?.reason).toBe(code);
    const after = await sectionState(section);
    expect(Buffer.from(after.state).equals(Buffer.from(before.state))).toBe(true);
    expect(after.markdown).toBe(before.markdown);
    expect(after.words).toBe(before.words);
    return { close: close as CloseInfo, bytes: update.byteLength };
  }

  describe("the attack run's updates", () => {
    beforeAll(async () => {
      const socket = await RawCollabSocket.open(server.url, FINDING_SECTION, drafter);
      const seed = updateOf(await probe(FINDING_SECTION), (doc) =>
        replaceYDocContent(doc, {
          type: "doc",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "Digital inclusion matters" }] },
          ],
        }),
      );
      expect(await send(socket, seed)).toBeNull();
      socket.close();
    });

    it("refuses a Y.Map put inside the default fragment (4422)", async () => {
      const { close, bytes } = await expectRefused(
        FINDING_SECTION,
        (doc) => doc.getXmlFragment(FRAGMENT_NAME).insert(1, [new Y.Map() as never]),
        4422,
      );
      expect(close.reason).toMatch(/does not fit the document schema \(type\)/);
      console.log(`Y.Map in the fragment: ${bytes}-byte update refused (${close.reason})`);
    });

    it("refuses plain string and value items in the fragment (ContentString, ContentAny, ContentType)", async () => {
      for (const edit of [
        (doc: Y.Doc) => doc.getText(FRAGMENT_NAME).insert(0, "plain"),
        (doc: Y.Doc) => doc.getArray(FRAGMENT_NAME).insert(0, [{ any: 1 }]),
        (doc: Y.Doc) => doc.getArray(FRAGMENT_NAME).insert(0, [new Y.Array()]),
      ]) {
        const { close } = await expectRefused(FINDING_SECTION, edit, 4422);
        expect(close.reason).toMatch(/\(type\)/);
      }
    });

    it("refuses 2,000 nested block quotes (4422)", async () => {
      const { close } = await expectRefused(
        FINDING_SECTION,
        (doc) => nested(doc, 0, 2000, ["blockquote"]),
        4422,
      );
      expect(close.reason).toMatch(/\(depth\)/);
    });

    it("refuses an element named script (4422)", async () => {
      const { close } = await expectRefused(
        FINDING_SECTION,
        (doc) => {
          const script = new Y.XmlElement("script");
          script.insert(0, [new Y.XmlText("alert(1)")]);
          doc.getXmlFragment(FRAGMENT_NAME).insert(0, [script]);
        },
        4422,
      );
      expect(close.reason).toMatch(/unknown node 'script'/);
      // A reviewer still opens the section: nothing for their editor to normalise away.
      const reviewer = await loginAs(server.url, "reviewer");
      const socket = await RawCollabSocket.open(server.url, FINDING_SECTION, reviewer);
      expect(await socket.sendAndProbe()).toBeInstanceOf(Uint8Array);
      socket.close();
    });
  });

  it("refuses an edit that would take a section above RAPPORTEUR_MAX_SECTION_BYTES (4413)", async () => {
    const { close } = await expectRefused(
      SIZE_SECTION,
      (doc) =>
        replaceYDocContent(doc, {
          type: "doc",
          content: Array.from({ length: 40 }, (_, i) => ({
            type: "paragraph",
            content: [{ type: "text", text: `${i} ${"words ".repeat(1200)}` }],
          })),
        }),
      4413,
    );
    expect(close.reason).toBe("Update refused: the section would exceed 256 KB (its size limit)");
    // Below the limit, the same drafter keeps writing.
    const socket = await RawCollabSocket.open(server.url, SIZE_SECTION, drafter);
    const small = updateOf(await probe(SIZE_SECTION), (doc) =>
      replaceYDocContent(doc, {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "fits" }] }],
      }),
    );
    expect(await send(socket, small)).toBeNull();
    socket.close();
  });

  it(
    "refuses every hostile structure with 4422, changes nothing, and takes every valid edit",
    async () => {
      const hostile = fc.sample(hostileArbitrary, { numRuns: 300 * SCALE, seed: SEED });
      const valid = fc.sample(validArbitrary, { numRuns: 60 * SCALE, seed: SEED + 1 });
      // Valid edits spread among the hostile ones, so hostile edits meet changing documents.
      const edits: Edit[] = [];
      hostile.forEach((edit, i) => {
        edits.push(edit);
        if (i % 5 === 4) edits.push(...valid.splice(0, 1));
      });
      edits.push(...valid);
      const counts = {
        generated: edits.length,
        refused: 0,
        accepted: 0,
        refusedThatChanged: 0,
        byKind: {} as Record<string, number>,
      };
      const failures: string[] = [];
      let current = await sectionState(SECTION);
      let socket = await RawCollabSocket.open(server.url, SECTION, drafter);
      for (const edit of edits) {
        const update = updateOf(current.state, edit.apply);
        const close = await send(socket, update);
        counts.byKind[edit.kind] = (counts.byKind[edit.kind] ?? 0) + 1;
        if (close) {
          counts.refused++;
          if (close.code !== edit.refusal) {
            failures.push(`${edit.kind}: closed with ${close.code} "${close.reason}"`);
          }
          socket = await RawCollabSocket.open(server.url, SECTION, drafter);
          const after = await probe(SECTION);
          if (!Buffer.from(after).equals(Buffer.from(current.state))) {
            counts.refusedThatChanged++;
            failures.push(`${edit.kind}: a refused edit changed the section`);
            current = await sectionState(SECTION);
          }
        } else {
          counts.accepted++;
          if (edit.refusal !== null) {
            const sample = Buffer.from(update.slice(0, 80)).toString("hex");
            failures.push(`${edit.kind}: accepted (${update.byteLength} bytes: ${sample})`);
          }
          current = await sectionState(SECTION);
        }
      }
      socket.close();
      console.log(
        `RELIABILITY: schemaFuzz seed=${SEED} generated=${counts.generated} ` +
          `refused=${counts.refused} accepted=${counts.accepted} ` +
          `refusedThatChanged=${counts.refusedThatChanged} byKind=${JSON.stringify(counts.byKind)}`,
      );
      expect(failures.slice(0, 10), `seed ${SEED}`).toEqual([]);
      expect(counts.refused).toBe(hostile.length);
      expect(counts.refusedThatChanged).toBe(0);

      // What users see is what is stored, and it fits: exports and counts agree with it.
      const final = await sectionState(SECTION);
      const stored = storedDocument(server.dataDir, SECTION);
      expect(checkFragment(stored.getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });
      expect(yDocToJSON(stored)).toEqual(yDocToJSON(docOf(final.state)));
      expect(final.words).toBe(countDocument(yDocToJSON(stored) as DocJSON).words);
      const output = server.output();
      expect(output).not.toMatch(/collab: .*(dropped|failed)/);
    },
    300_000 * SCALE,
  );
});

describe("a section stored with content that does not fit the schema", () => {
  let server: ServerProcess;

  afterAll(async () => {
    await server?.stop();
  });

  it("is repaired when it loads: exports answer 200 and the audit log says what was dropped", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-repair-"));
    // As the server before the fix stored it: every case from the attack run at once.
    const store = SqliteStore.open(dataDir);
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Broadband access grew")]);
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    fragment.insert(0, [paragraph, script, new Y.Map() as never]);
    nested(doc, 3, 2000, ["blockquote"]);
    const stray = new Y.Doc();
    stray.getText(FRAGMENT_NAME).insert(0, "stray");
    await store.append(SECTION, Y.encodeStateAsUpdate(doc));
    await store.append(SECTION, Y.encodeStateAsUpdate(stray));
    await store.close();

    server = await startServerProcess({ dataDir });
    const drafter = await loginAs(server.url, "drafter");
    // Before loading: exports and the count read stored content through the repair too.
    const early = await fetch(`${server.url}/api/export?format=md&section=${SECTION}`, {
      headers: { cookie: drafter },
    });
    expect(early.status).toBe(200);
    expect(await early.text()).toContain("Broadband access grew");
    const view = await callApi(server.url, drafter, "GET", `/sections/${SECTION}`);
    expect(view.body.words).toBe(3);

    const socket = await RawCollabSocket.open(server.url, SECTION, drafter);
    const state = await socket.sendAndProbe();
    socket.close();
    expect(state).toBeInstanceOf(Uint8Array);
    const loaded = docOf(state as Uint8Array);
    expect(checkFragment(loaded.getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });
    expect(loaded.getXmlFragment(FRAGMENT_NAME).toString()).toMatch(
      /^<paragraph>Broadband access grew<\/paragraph>(<blockquote>){32}(<\/blockquote>){32}$/,
    );
    for (const format of ["md", "docx&variant=review"]) {
      const answer = await fetch(`${server.url}/api/export?format=${format}&section=${SECTION}`, {
        headers: { cookie: drafter },
      });
      expect(answer.status, format).toBe(200);
    }
    // Storage holds the repair: a replay of what is stored fits.
    const stored = storedDocument(dataDir, SECTION);
    expect(checkFragment(stored.getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });

    const editor = await loginAs(server.url, "editor");
    const audit = await callApi(server.url, editor, "GET", "/audit?action=section_repaired");
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: "section_repaired",
        target: SECTION,
        detail: expect.objectContaining({
          dropped: 4,
          parts: expect.arrayContaining([
            expect.objectContaining({ rule: "node", path: expect.stringMatching(/:script$/) }),
            expect.objectContaining({ rule: "type" }),
            expect.objectContaining({ rule: "depth" }),
          ]),
        }),
      }),
    ]);
    expect(server.output()).toMatch(/p1-context: dropped 4 part\(s\) that do not fit/);
  }, 60_000);
});
