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
        },
      },
    ],
  },
});
