import { test } from './fixtures';
test('debug', async ({ app: page }) => {
  test.setTimeout(120000);
  const out = await page.evaluate(async () => {
    await window.studio.jobs.pause();
    const t0 = performance.now();
    for (let start = 0; start < 1000; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => window.studio.jobs.submit({ params: { modelId: 'ark/seedance-1-0-pro-250528', prompt: `Job ${start + k}`, resolution: '480p', aspectRatio: '16:9', duration: 2 } })));
    }
    const t1 = performance.now();
    const l = await window.studio.jobs.list();
    const ids = l.ok ? l.data.jobs.map((j) => j.id) : [];
    [ids[0], ids[1]] = [ids[1], ids[0]];
    const t2 = performance.now();
    const r = await window.studio.jobs.reorder({ ids });
    const t3 = performance.now();
    const r2 = await window.studio.jobs.reorder({ ids });
    const t4 = performance.now();
    return { submit: t1 - t0, reorder: t3 - t2, ok: r.ok, again: t4 - t3, err: r.ok ? null : r.error };
  });
  console.log(JSON.stringify(out));
});
