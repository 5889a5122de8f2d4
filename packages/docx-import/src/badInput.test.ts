import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DocxImportError, type DocxImportErrorId, fromDocx } from "./index";
import { rawZip, repeatedDeflate } from "./testing/hostileZip";

const MiB = 1024 * 1024;
const DOCUMENT = "word/document.xml";
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function validDocx(text = "Broadband grew."): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** `words` words of varied text, compressing about as well as real prose. */
function prose(words: number): string {
  const vocabulary = "access broadband mobile rural skills data policy trust women trade".split(
    " ",
  );
  let seed = 7;
  return Array.from({ length: words }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return `${vocabulary[seed % vocabulary.length]}${seed % 97}`;
  }).join(" ");
}

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

async function refusal(file: Uint8Array, options?: Parameters<typeof fromDocx>[1]) {
  try {
    await fromDocx(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DocxImportError);
    return error as DocxImportError;
  }
  throw new Error("the file was imported");
}

const cases: {
  name: string;
  id: DocxImportErrorId;
  file: () => Promise<Uint8Array> | Uint8Array;
  options?: Parameters<typeof fromDocx>[1];
  message: RegExp;
}[] = [
  {
    name: "an empty file",
    id: "empty_file",
    file: () => new Uint8Array(0),
    message: /empty/,
  },
  {
    name: "binary junk",
    id: "not_a_docx",
    file: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    message: /not a Word \.docx file/,
  },
  {
    name: "a PDF renamed .docx",
    id: "not_a_docx",
    file: () => new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"),
    message: /not a Word \.docx file/,
  },
  {
    name: "an old .doc or a password-protected document (OLE compound file)",
    id: "not_a_docx",
    file: () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    message: /old Word \.doc file or a password-protected document/,
  },
  {
    name: "a .docx cut in half",
    id: "truncated",
    file: async () => {
      const whole = await validDocx();
      return whole.slice(0, Math.floor(whole.length / 2));
    },
    message: /incomplete/,
  },
  {
    name: "a .docx missing its last bytes",
    id: "truncated",
    file: async () => {
      const whole = await validDocx();
      return whole.slice(0, whole.length - 10);
    },
    message: /incomplete/,
  },
  {
    name: "a .docx whose central directory was cut off",
    id: "truncated",
    file: async () => {
      const whole = await validDocx();
      // Keep the end record but lose the bytes before it.
      return Buffer.concat([whole.slice(0, whole.length - 300), whole.slice(whole.length - 22)]);
    },
    message: /incomplete/,
  },
  {
    name: "a document whose compressed data is damaged",
    id: "not_a_docx",
    file: () =>
      rawZip(
        DOCUMENT,
        Uint8Array.from({ length: 200 }, (_, i) => (i * 31 + 255) % 256),
        5000,
      ),
    message: /damaged/,
  },
  {
    name: "a ZIP file without word/document.xml",
    id: "missing_document",
    file: () => zipOf({ "hello.txt": "hello" }),
    message: /holds no Word document \(word\/document\.xml\)\.$/,
  },
  {
    name: "an Excel workbook renamed .docx",
    id: "missing_document",
    file: () => zipOf({ "xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>" }),
    message: /looks like an Excel workbook/,
  },
  {
    name: "a document.xml that is not well-formed",
    id: "malformed_xml",
    file: () => zipOf({ [DOCUMENT]: `<w:document ${W}><w:body><w:p></w:body>` }),
    message: /word\/document\.xml is not well-formed XML/,
  },
  {
    name: "a document.xml of binary junk",
    id: "malformed_xml",
    file: () =>
      zipOf({ [DOCUMENT]: Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256) }),
    message: /word\/document\.xml is not text/,
  },
  {
    name: "a styles.xml that is not well-formed",
    id: "malformed_xml",
    file: async () => {
      const zip = await JSZip.loadAsync(await validDocx());
      zip.file("word/styles.xml", "<w:styles");
      return zip.generateAsync({ type: "uint8array" });
    },
    message: /word\/styles\.xml is not well-formed XML/,
  },
  {
    name: "a billion-laughs document.xml (entity expansion)",
    id: "unsafe_xml",
    file: () => {
      const entities = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
      ).join("");
      const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">${entities}]><w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
      return zipOf({ [DOCUMENT]: xml });
    },
    message: /DOCTYPE or entities/,
  },
  {
    name: "an external entity (XXE) in document.xml",
    id: "unsafe_xml",
    file: () =>
      zipOf({
        [DOCUMENT]: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`,
      }),
    message: /DOCTYPE or entities/,
  },
  {
    name: "elements nested absurdly deep (a stack-overflow attack)",
    id: "malformed_xml",
    file: () =>
      zipOf({
        [DOCUMENT]: documentXml(
          `${"<w:sdt><w:sdtContent>".repeat(1000)}<w:p/>${"</w:sdtContent></w:sdt>".repeat(1000)}`,
        ),
      }),
    message: /nested more than/,
  },
  {
    name: "more text than the limit allows (checked on the declared size, before inflating)",
    id: "too_large",
    file: () => validDocx(prose(200_000)),
    options: { maxUncompressedBytes: 1 * MiB },
    message: /word\/document\.xml holds 1\.\d MiB of text, over the limit/,
  },
  {
    name: "a ZIP package with thousands of files",
    id: "too_large",
    file: () =>
      zipOf(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`f/${i}.xml`, "<x/>"]))),
    message: /holds 200\d files, more than the 2000 allowed/,
  },
  {
    name: "a small table that would need more than 100,000 cells once its rows are padded",
    id: "too_large",
    file: () =>
      zipOf({
        [DOCUMENT]: documentXml(
          `<w:tbl><w:tr>${"<w:tc><w:p/></w:tc>".repeat(63)}</w:tr>${"<w:tr><w:tc><w:p/></w:tc></w:tr>".repeat(2000)}</w:tbl>`,
        ),
      }),
    message: /tables hold more than 100,000 cells/,
  },
  {
    name: "a zip bomb made with JSZip: a long run of one character, DEFLATE",
    id: "zip_bomb",
    file: () =>
      zipOf({
        [DOCUMENT]: documentXml(`<w:p><w:r><w:t>${"a".repeat(16 * MiB)}</w:t></w:r></w:p>`),
      }),
    message:
      /word\/document\.xml is compressed suspiciously well \(16\.0 MiB packed into \d+\.\d KiB\)/,
  },
  {
    name: "a 1 GiB zip bomb declaring its size: refused before inflating anything",
    id: "zip_bomb",
    file: () => rawZip(DOCUMENT, repeatedDeflate(1024), 1024 * MiB),
    message: /1024\.0 MiB packed into/,
  },
  {
    name: "a 1 GiB zip bomb declaring 10 KiB: stopped as soon as it inflates past that",
    id: "zip_bomb",
    file: () => rawZip(DOCUMENT, repeatedDeflate(1024), 10 * 1024),
    message: /it declares 10\.0 KiB but inflates to more/,
  },
  {
    name: "a 1 GiB zip bomb declaring a plausible 15 MiB: stopped once past 15 MiB",
    id: "zip_bomb",
    file: () => rawZip(DOCUMENT, repeatedDeflate(1024), 15 * MiB),
    message: /it declares 15\.0 MiB but inflates to more/,
  },
];

describe("fromDocx: bad input is refused with a clear error", () => {
  for (const c of cases) {
    it(`${c.id}: ${c.name}`, async () => {
      const error = await refusal(await c.file(), c.options);
      expect(error.id).toBe(c.id);
      expect(error.message).toMatch(c.message);
    });
  }

  it("imports the same file once the limit is raised", async () => {
    const { doc } = await fromDocx(await validDocx(prose(200_000)));
    expect(doc.content?.[0]?.type).toBe("paragraph");
  });

  it("a refusal leaves no work behind: the next import works", async () => {
    await refusal(rawZip(DOCUMENT, repeatedDeflate(64), 10 * 1024));
    const { doc } = await fromDocx(await validDocx());
    expect(doc.content?.[0]?.content?.[0]?.text).toBe("Broadband grew.");
  });
});
