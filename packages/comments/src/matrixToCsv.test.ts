import { describe, expect, it } from "vitest";
import { MATRIX_COLUMNS } from "./matrixRows";
import { matrixToCsv } from "./matrixToCsv";
import { matrixFixture } from "./testing/threadFixture";

/** A strict RFC 4180 reader: quoted or bare fields, CRLF between records. */
function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(quoted).toBe(false);
  expect(field).toBe("");
  return records;
}

const SECTIONS = { "p1-context": "The changing context", "p2-gaps": "Digital divides" };

describe("matrixToCsv", () => {
  const threads = matrixFixture();
  const csv = matrixToCsv(threads, { sectionTitles: SECTIONS });
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));

  it("has a header and one record per thread, every reply in its thread's record", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(header).toEqual([...MATRIX_COLUMNS]);
    expect(rows).toHaveLength(threads.length);
    threads.forEach((thread, i) => {
      const row = rows[i]!;
      expect(row).toHaveLength(MATRIX_COLUMNS.length);
      expect(row[1]).toBe(thread.quote);
      expect(row[2]?.replace(/^'/, "")).toBe(thread.text);
      expect(row[5]?.split("\n")).toHaveLength(
        thread.replies.reduce((n, r) => n + r.text.split("\n").length, 0) || 1,
      );
      for (const reply of thread.replies) expect(row[5]).toContain(reply.text);
    });
  });

  it("fills every column: section title, author, date, replies, state, suggestion", () => {
    expect(rows[0]).toEqual([
      "The changing context",
      "people-centred",
      'Say "people-centred, inclusive"\nand cite the Declaration, para. 1.',
      "Raj Patel",
      "2025-03-12 09:30 UTC",
      "Amina Diallo (2025-03-13 10:00 UTC): Added the citation.\n" +
        "Raj Patel (2025-03-13 10:00 UTC): Thanks, looks good,\nresolving.",
      "Resolved by Raj Patel",
      "",
    ]);
    expect(rows[2]?.[0]).toBe("unknown-section");
    expect(rows[3]?.[6]).toBe("Open (text deleted)");
    expect(rows[3]?.[7]).toBe("Replace with: expanded (accepted by Amina Diallo)");
  });

  it("keeps markup as literal text", () => {
    expect(rows[1]?.[1]).toBe("<b>affordability</b>");
    expect(rows[1]?.[2]).toBe("<img src=x onerror=alert(1)>");
    expect(rows[1]?.[5]).toContain("<script>alert('reply')</script>");
  });

  it("defuses cells that a spreadsheet would run as formulas", () => {
    const row = rows[2]!;
    expect(row[2]).toBe(`'=HYPERLINK("http://example.com","click")`);
    expect(row[3]).toBe("'@evil");
    expect(row[5]).toBe("'=cmd (2025-03-13 10:00 UTC): -2+3");
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
