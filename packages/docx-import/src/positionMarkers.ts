/**
 * Word elements that only mark positions or carry properties read elsewhere (bookmarks, proofing,
 * permission and comment ranges, content-control and custom-XML properties): nothing to keep, in
 * block and inline content alike.
 */
export const POSITION_MARKERS: readonly string[] = [
  "w:bookmarkStart",
  "w:bookmarkEnd",
  "w:proofErr",
  "w:permStart",
  "w:permEnd",
  "w:commentRangeStart",
  "w:commentRangeEnd",
  "w:moveFromRangeStart",
  "w:moveFromRangeEnd",
  "w:moveToRangeStart",
  "w:moveToRangeEnd",
  "w:customXmlInsRangeStart",
  "w:customXmlInsRangeEnd",
  "w:customXmlDelRangeStart",
  "w:customXmlDelRangeEnd",
  "w:customXmlMoveFromRangeStart",
  "w:customXmlMoveFromRangeEnd",
  "w:customXmlMoveToRangeStart",
  "w:customXmlMoveToRangeEnd",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:customXmlPr",
];
