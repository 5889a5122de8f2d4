/** What every `rapporteur user` help says about running beside the server. */
export const USER_SERVER_NOTE = `Safe while the server runs: it reads accounts from the database on every request, so the
change applies at the next sign-in or request. Recorded in the audit log with the actor 'cli'.`;
