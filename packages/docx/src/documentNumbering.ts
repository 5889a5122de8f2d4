import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat } from "docx";
import type { LayoutMetrics } from "./layoutMetrics";

/** References of the numbering definitions in `word/numbering.xml`. */
export const NUMBERING = {
  /** Chapters I., sections A., sub-headings 1. and (a). */
  headings: "un-headings",
  /** Body paragraphs 1., 2., ... consecutively through the whole report (one instance). */
  paragraphs: "un-paragraphs",
  /** Ordered lists: (a), then (i), then 1.; each list is its own instance, restarting at (a). */
  subparagraphs: "un-subparagraphs",
  /** Bulleted lists. */
  bullets: "un-bullets",
} as const;

/** The instance of {@link NUMBERING.headings} that the heading styles refer to. */
export const HEADING_NUMBERING_INSTANCE = 0;

/** The instance of {@link NUMBERING.paragraphs} shared by every body paragraph of the report. */
export const BODY_NUMBERING_INSTANCE = 0;

/** Numbering definitions in the UN layout: labels sit in the indent, text aligns on the indent. */
export function documentNumbering(metrics: LayoutMetrics): INumberingOptions {
  const { indent, step } = metrics;
  const heading = (level: number, format: ILevelsOptions["format"], text: string) => ({
    level,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indent, hanging: step } } },
  });
  // UN sub-paragraphs: the label is indented on the first line and the text wraps to the indent.
  const subparagraph = (level: number, format: ILevelsOptions["format"], text: string) => ({
    level,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: {
        indent: { left: indent, firstLine: step * (level + 1) },
        leftTabStop: indent + step * (level + 2),
      },
    },
  });
  const bullet = (level: number, text: string) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indent + step * (level + 1), hanging: step / 2 } } },
  });
  return {
    config: [
      {
        reference: NUMBERING.headings,
        levels: [
          heading(0, LevelFormat.UPPER_ROMAN, "%1."),
          heading(1, LevelFormat.UPPER_LETTER, "%2."),
          heading(2, LevelFormat.DECIMAL, "%3."),
          heading(3, LevelFormat.LOWER_LETTER, "(%4)"),
        ],
      },
      {
        reference: NUMBERING.paragraphs,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: "%1.",
            alignment: AlignmentType.LEFT,
            style: {
              paragraph: { indent: { left: indent, firstLine: 0 }, leftTabStop: indent + step },
            },
          },
        ],
      },
      {
        reference: NUMBERING.subparagraphs,
        levels: [
          subparagraph(0, LevelFormat.LOWER_LETTER, "(%1)"),
          subparagraph(1, LevelFormat.LOWER_ROMAN, "(%2)"),
          subparagraph(2, LevelFormat.DECIMAL, "%3."),
          subparagraph(3, LevelFormat.LOWER_LETTER, "%4."),
        ],
      },
      {
        reference: NUMBERING.bullets,
        levels: [bullet(0, "•"), bullet(1, "–"), bullet(2, "•"), bullet(3, "–")],
      },
    ],
  };
}
