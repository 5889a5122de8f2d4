import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, type RequestHandler } from "express";
import { HostPolicy } from "../auth/HostPolicy";
import type { Logger } from "../Logger";
import type { ApiDependencies } from "./ApiDependencies";
import { apiRouter } from "./apiRouter";
import { csrfProtection } from "./csrfProtection";
import { errorHandler } from "./errorHandler";
import { notFound, upgradeRequired } from "./errors";
import { securityHeaders } from "./securityHeaders";

/** Paths of the web build that are never served: source maps, Vite's metadata. */
const NOT_SERVED = /\.map$|(^|\/)\.vite(\/|$)/i;

/** What the HTTP app needs. */
export interface AppOptions extends ApiDependencies {
  /** Folder of the built web app; served at `/` when it holds an index.html. */
  webDist: string;
  /** Reverse proxies in front whose X-Forwarded-* headers are believed (0: none). */
  trustProxy: number;
  logger: Logger;
  /** Hosts and origins state-changing requests may name (default: development defaults). */
  hosts?: HostPolicy;
  /** The JSON API mounted at `/api` (default: {@link apiRouter} of these dependencies). */
  api?: RequestHandler;
}

/**
 * The Express app: security headers, CSRF protection and no caching on the JSON API under `/api`
 * (sessions and roles enforced by its router), a 426 for plain HTTP requests to
 * the WebSocket endpoint `/collab`, and the web app with its client-side routes (`/sections/<id>`)
 * falling back to index.html. Every error goes through one error middleware.
 */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", "strong");
  if (options.trustProxy > 0) app.set("trust proxy", options.trustProxy);
  app.use(securityHeaders);
  if (options.secureCookies) {
    app.use((_request, response, next) => {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
      next();
    });
  }

  app.use("/api", (_request, response, next) => {
    // Drafts, accounts and the audit log must not stay in browser or proxy caches.
    response.setHeader("Cache-Control", "no-store");
    next();
  });
  app.use("/api", csrfProtection(options.hosts ?? new HostPolicy()));
  app.use("/api", options.api ?? apiRouter(options));
  app.use("/api", (request, _response, next) => {
    next(notFound("route_not_found", `No API route ${request.method} ${request.originalUrl}`));
  });

  app.use("/collab", (_request, response, next) => {
    response.setHeader("Upgrade", "websocket");
    next(
      upgradeRequired(
        "websocket_required",
        "This is the collaboration endpoint: connect with a WebSocket (y-websocket) to /collab/<sectionId>",
      ),
    );
  });

  const index = join(options.webDist, "index.html");
  // Source maps and the build's metadata (.vite/) are for developers: never served, whatever the
  // build left in the folder. Checked on the decoded path, as express.static reads it.
  app.use((request, _response, next) => {
    let path = request.path;
    try {
      path = decodeURIComponent(path);
    } catch {
      // express.static answers a malformed path itself.
    }
    if (NOT_SERVED.test(path)) next(notFound("not_found", "Nothing here"));
    else next();
  });
  app.use(
    express.static(options.webDist, {
      index: false,
      setHeaders(response, path) {
        // Vite names built assets by content hash: they never change.
        if (path.includes(`${join(options.webDist, "assets")}`)) {
          response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        }
      },
    }),
  );
  app.use((request, response, next) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      next(notFound("not_found", `Nothing at ${request.method} ${request.path}`));
      return;
    }
    // A missing built file is a 404, not the app's page in its place.
    if (request.path.startsWith("/assets/")) {
      next(notFound("not_found", `Nothing at ${request.path}`));
      return;
    }
    if (!existsSync(index)) {
      next(notFound("web_app_not_built", "The web app is not built: run `pnpm build`"));
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(index);
  });

  app.use(errorHandler(options.logger));
  return app;
}
