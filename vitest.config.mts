import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // End-to-end tests spawn the built command; a slow CI machine should not fail them on time alone.
    testTimeout: 30_000,
  },
});
