import "@fontsource-variable/inter/index.css";
import "@fontsource-variable/source-serif-4/index.css";
import "@fontsource-variable/source-serif-4/wght-italic.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/editor.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { collabUrl } from "./collab/collabUrl";
import { SessionCache } from "./collab/SessionCache";

const sessions = new SessionCache(collabUrl(window.location));
// Playwright's setOffline and real network loss fire these; an open WebSocket may not notice.
window.addEventListener("offline", () => sessions.setOnline(false));
window.addEventListener("online", () => sessions.setOnline(true));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App sessions={sessions} />
  </StrictMode>,
);
