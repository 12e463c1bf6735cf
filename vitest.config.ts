import { defineConfig } from 'vitest/config';

// Two projects so CI can report unit and integration separately; both run plain Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Integration tests spawn ffmpeg, simulators and engine processes: two cores, so one file at a time.
          fileParallelism: false,
          // One retry on CI only (processes and ffmpeg under load on a fresh machine); vitest marks a
          // test that passed on retry, so a flake stays visible in the log instead of failing the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
