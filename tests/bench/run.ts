// `npm run bench`: runs each benchmark module in turn. Add a module by adding one line to BENCHES.
// `npm run bench -- --only images` (or `--only images,library`) runs just those.
import { parseArgs } from 'node:util';

const BENCHES: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'images', run: async () => (await import('./images')).benchImages() },
  { name: 'library', run: async () => (await import('./library')).benchLibrary() },
  { name: 'engine-wire', run: async () => (await import('./engine-wire')).benchEngineWire() },
  { name: 'jobs', run: async () => (await import('./jobs')).benchJobs() },
  { name: 'queue', run: async () => (await import('./queue')).benchQueue() },
  { name: 'library-grid', run: async () => (await import('./library-grid')).benchLibraryGrid() },
];

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((name) => !BENCHES.some((b) => b.name === name)) ?? [];
if (unknown.length) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.name).join(', ')}.`);
  process.exit(2);
}
for (const bench of BENCHES) {
  if (only && !only.includes(bench.name)) continue;
  const started = performance.now();
  console.log(`— ${bench.name}`);
  await bench.run();
  console.log(`— ${bench.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
