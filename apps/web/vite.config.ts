import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API and the collaboration server run apart (`pnpm dev`, port 3000 by default);
// in production the server serves this build on the same origin.
const apiTarget = process.env.RAPPORTEUR_DEV_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: true },
      "/collab": { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    // Maps are written for debugging but not referenced by the scripts; the server never serves
    // them (createApp), so the sources do not leave the machine.
    sourcemap: "hidden",
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "collab", test: /node_modules[\\/](yjs|y-[a-z]+|lib0)[\\/]/ },
            {
              name: "editor",
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
