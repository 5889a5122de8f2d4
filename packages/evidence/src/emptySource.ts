import type { SourceInput, SourceKind } from "./source";

/** A source of `kind` titled `title` with every other field empty, for the parsers to fill. */
export function emptySource(kind: SourceKind, title: string): SourceInput {
  return {
    kind,
    contributor: null,
    ref: null,
    title,
    author: null,
    organisation: null,
    group: null,
    country: null,
    region: null,
    language: null,
    date: null,
    symbol: null,
    url: null,
    actionLines: [],
    sdgs: [],
    tags: [],
    answers: {},
    extra: {},
    text: "",
  };
}
