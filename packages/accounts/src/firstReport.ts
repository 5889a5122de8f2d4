/**
 * The id of the instance's first report: the data of a single-report install, which the unscoped
 * routes (`/api/report`, `/collab/<sectionId>`) and the unprefixed pages (`/sections/<id>`) serve.
 * Browser-safe (`@rapporteur/accounts/firstReport`): the server, the web app and the contract use it.
 */
export const FIRST_REPORT_ID = 1;
