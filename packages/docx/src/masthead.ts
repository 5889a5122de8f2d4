import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { STYLE } from "./documentStyles";
import type { DocxTemplate } from "./docxTemplate";
import type { ExportReport } from "./exportReport";
import { issueDate } from "./issueDate";
import type { LayoutMetrics } from "./layoutMetrics";
import { distributionLine, mastheadLines } from "./mastheadLines";

/** Height of the emblem in the masthead, in pixels (96 dpi): about 16 mm. */
const EMBLEM_HEIGHT = 60;

const half = (points: number) => Math.round(points * 2);

/**
 * The first-page masthead of a UN parliamentary document: "United Nations" and the symbol over a
 * rule, the organ (beside the emblem, when there is one) and the distribution block over a
 * heavier rule, then the meeting lines, the agenda item (with its asterisk when the provisional
 * agenda's symbol is known) and title, the report's title and the byline.
 */
export function masthead(
  report: ExportReport,
  template: DocxTemplate,
  metrics: LayoutMetrics,
): (Paragraph | Table)[] {
  const { font } = template;
  const m = mastheadLines(report, template.masthead);
  const { textWidth, indent } = metrics;
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  const rule = (eighths: number) => ({ style: BorderStyle.SINGLE, size: eighths, color: "000000" });
  const left = Math.round(textWidth * 0.62);
  const right = textWidth - left;
  const cell = (children: Paragraph[], width: number, bottom: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      borders: { ...noBorders, bottom: rule(bottom) },
      margins: { left: 0, right: 0, bottom: 60 },
    });
  const line = (text: string, options: { size?: number; bold?: boolean; after?: number } = {}) =>
    new Paragraph({
      style: STYLE.masthead,
      spacing: { after: options.after ?? 0 },
      children: [new TextRun({ text, bold: options.bold, size: half(options.size ?? font.body) })],
    });
  // The symbol's first element (the organ letter) is printed large, the rest at body size.
  const [organ, ...rest] = report.symbol.split("/");
  const symbol = new Paragraph({
    style: STYLE.masthead,
    alignment: AlignmentType.RIGHT,
    children: [
      new TextRun({ text: rest.length > 0 ? `${organ}/` : report.symbol, size: half(20) }),
      new TextRun({ text: rest.join("/"), size: half(font.body) }),
    ],
  });
  const table = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        height: { value: 620, rule: HeightRule.ATLEAST },
        children: [cell([line(m.organization, { size: 14 })], left, 12), cell([symbol], right, 12)],
      }),
      new TableRow({
        height: { value: 1700, rule: HeightRule.ATLEAST },
        children: [
          cell([organLine(report, m.body, half(28))], left, 36),
          cell(
            [
              line(distributionLine(m.distribution)),
              line(issueDate(report.date)),
              line(""),
              line(`Original: ${m.originalLanguage}`, { after: 120 }),
            ],
            right,
            36,
          ),
        ],
      }),
    ],
  });
  const meeting = [
    new Paragraph({
      style: STYLE.masthead,
      spacing: { before: 240 },
      children: [new TextRun({ text: m.commission, bold: true })],
    }),
    line(m.session),
    ...(m.place ? [line(m.place)] : []),
    line(`${m.agendaItem}${m.agendaSymbol ? "*" : ""}`),
    ...(m.agendaTitle
      ? [
          new Paragraph({
            style: STYLE.masthead,
            indent: { right: Math.round(textWidth * 0.4) },
            children: [new TextRun({ text: m.agendaTitle, bold: true })],
          }),
        ]
      : []),
  ];
  const title = new Paragraph({
    style: STYLE.title,
    indent: { left: indent, right: indent },
    children: [new TextRun(report.title)],
  });
  const byline = m.byline
    ? [
        new Paragraph({
          style: STYLE.title,
          spacing: { before: 0, after: 240 },
          children: [new TextRun({ text: m.byline, size: half(font.section) })],
        }),
      ]
    : [];
  return [table, ...meeting, title, ...byline];
}

/** The organ's name in large bold type, after the emblem when the report has one. */
function organLine(report: ExportReport, name: string, size: number): Paragraph {
  const emblem = report.emblem;
  const width = emblem ? Math.round((EMBLEM_HEIGHT * emblem.width) / emblem.height) : 0;
  return new Paragraph({
    style: STYLE.masthead,
    spacing: { after: 80 },
    children: [
      ...(emblem
        ? [
            new ImageRun({
              type: emblem.type,
              data: emblem.data,
              transformation: { width, height: EMBLEM_HEIGHT },
              altText: { name: "Emblem", description: "Emblem", title: "Emblem" },
            }),
            new TextRun({ text: "  ", size }),
          ]
        : []),
      new TextRun({ text: name, bold: true, size }),
    ],
  });
}
