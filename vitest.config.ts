import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // fresh-dist first: it may build dist/ (the CLI tests run it) before the scratch folder is set.
    globalSetup: ['test/helpers/fresh-dist.ts', 'test/helpers/scratch-folder.ts'],
  },
});
