import { describe, expect, it } from "vitest";
import { queryOfSearch, searchFromQuery } from "./evidenceSearch";

describe("evidence search in the address", () => {
  it("round-trips words, quoted phrases and filters", () => {
    const search = {
      q: '"digital divide" rural',
      kind: "submission",
      question: "q3",
      group: "civil_society",
      region: "Africa",
      country: "",
    };
    const query = queryOfSearch(search);
    expect(query).toBe(
      "?q=%22digital+divide%22+rural&kind=submission&question=q3&group=civil_society&region=Africa",
    );
    expect(searchFromQuery(query)).toEqual(search);
  });

  it("reads an empty or foreign query as no search", () => {
    expect(queryOfSearch(searchFromQuery("?utm=1"))).toBe("");
    expect(searchFromQuery("").q).toBe("");
  });
});
