// One ZIP helper for the importer's unit tests and the API and CLI tests.
export { zipBomb } from "../../packages/docx-import/src/testing/hostileZip";
