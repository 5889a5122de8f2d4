// Test helpers for reading the .docx files the exports write (`@rapporteur/docx/testing`).
export { wordDraft } from "./wordDraft";
export { wordText } from "./wordText";
export { zipEntry } from "./zipEntry";
