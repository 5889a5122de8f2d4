// citation-js with the parsers the library imports (they register themselves with the core when
// loaded). parseLiterature loads this module on first use: citation-js is large.
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";

export { Cite } from "@citation-js/core";
