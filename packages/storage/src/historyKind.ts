/**
 * What a stored change is, for the history: a user's edit or a server-side edit (`outline`: text
 * moved in or out by a split or merge of the outline). Browser-safe
 * (`@rapporteur/storage/historyKind`): the web app names the kinds of history entries with it.
 */
export type HistoryKind = "edit" | "import" | "restore" | "suggestion" | "version" | "outline";
