import JSZip from "jszip";

/** A piece of a paragraph of {@link reviewedDocx}: text, a tracked change, or a comment mark. */
export type ReviewedPiece =
  | string
  | { ins: string; author: string; date?: string }
  | { del: string; author: string; date?: string }
  | { commentStart: number }
  | { commentEnd: number };

/** A Word comment of {@link reviewedDocx}; `parent` makes it a reply (commentsExtended.xml). */
export interface ReviewedComment {
  id: number;
  author: string;
  date?: string;
  text: string;
  parent?: number;
  done?: boolean;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const xmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paraId = (id: number) => (0x10000000 + id).toString(16).toUpperCase();

/**
 * A Word file as Word writes a reviewed document: tracked insertions and deletions (`w:ins`,
 * `w:del` with author and date), comments on ranges (`w:commentRangeStart`/`End`, comments.xml)
 * and replies (commentsExtended.xml, `w15:paraIdParent`). For tests and benchmarks.
 */
export async function reviewedDocx(
  paragraphs: ReviewedPiece[][],
  comments: ReviewedComment[] = [],
): Promise<Uint8Array> {
  let revision = 1000;
  const run = (text: string, tag: "t" | "delText") =>
    `<w:r><w:${tag} xml:space="preserve">${xmlEscape(text)}</w:${tag}></w:r>`;
  const body = paragraphs
    .map((pieces) => {
      const inner = pieces
        .map((piece) => {
          if (typeof piece === "string") return run(piece, "t");
          if ("commentStart" in piece) return `<w:commentRangeStart w:id="${piece.commentStart}"/>`;
          if ("commentEnd" in piece) {
            return `<w:commentRangeEnd w:id="${piece.commentEnd}"/><w:r><w:commentReference w:id="${piece.commentEnd}"/></w:r>`;
          }
          const date = piece.date ?? "2026-11-20T10:00:00Z";
          const attrs = `w:id="${revision++}" w:author="${xmlEscape(piece.author)}" w:date="${date}"`;
          return "ins" in piece
            ? `<w:ins ${attrs}>${run(piece.ins, "t")}</w:ins>`
            : `<w:del ${attrs}>${run(piece.del, "delText")}</w:del>`;
        })
        .join("");
      return `<w:p>${inner}</w:p>`;
    })
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  const commentXml = comments
    .map(
      (c) =>
        `<w:comment w:id="${c.id}" w:author="${xmlEscape(c.author)}" w:date="${c.date ?? "2026-11-21T09:30:00Z"}" w:initials="X"><w:p w14:paraId="${paraId(c.id)}"><w:r><w:annotationRef/></w:r>${run(c.text, "t")}</w:p></w:comment>`,
    )
    .join("");
  zip.file(
    "word/comments.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">${commentXml}</w:comments>`,
  );
  const extended = comments
    .map(
      (c) =>
        `<w15:commentEx w15:paraId="${paraId(c.id)}"${c.parent === undefined ? "" : ` w15:paraIdParent="${paraId(c.parent)}"`} w15:done="${c.done ? 1 : 0}"/>`,
    )
    .join("");
  zip.file(
    "word/commentsExtended.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15}">${extended}</w15:commentsEx>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
