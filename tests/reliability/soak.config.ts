// `pnpm soak`: the reliability suites at soak sizes (SOAK=1): 200 kill cycles, ten times the fuzz
// messages and chaos rounds, one file at a time so that the figures are not skewed by each other.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    env: { SOAK: "1" },
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
