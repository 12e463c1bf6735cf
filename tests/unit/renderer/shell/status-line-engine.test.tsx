import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildStudioApi, type StudioTransport } from '../../../../src/shared/contract/client';
import type { Result } from '../../../../src/shared/contract/result';
import { createStudioClient } from '../../../../src/renderer/api/client';
import { EngineStatusSegment } from '../../../../src/renderer/shell/EngineStatusSegment';
import { i18n } from '../../../../src/renderer/i18n/index';
import { connectApp } from '../../../../src/renderer/store/app/connect';
import { useStudio } from '../../../../src/renderer/store/index';

describe('status line: job engine segment', () => {
  it.each([
    [null, []],
    [{ state: 'running' as const }, []],
    [{ state: 'starting' as const }, ['Starting the job engine…']],
    [{ state: 'restarting' as const }, ['Job engine restarting…']],
    [{ state: 'down' as const, message: 'It stopped 5 times.' }, ['Job engine is down', 'title="It stopped 5 times."', '<button type="button" class="status-action">Retry</button>']],
  ])('%j → %j', (engine, texts) => {
    const html = renderToStaticMarkup(<EngineStatusSegment engine={engine} onRetry={() => undefined} />);
    if (texts.length === 0) expect(html).toBe('');
    for (const text of texts) expect(html).toContain(text);
    if (engine?.state !== 'down') expect(html).not.toContain('Retry');
  });

  it('gives main’s reason in the UI’s language when it came with a phrase', async () => {
    const engine = { state: 'down' as const, message: 'The job engine stopped 5 times in a row (last exit code 3).', phrase: { code: 'job.engine.down', values: { crashes: 5, code: 3 } } };
    await i18n.changeLanguage('zh-CN');
    try {
      expect(renderToStaticMarkup(<EngineStatusSegment engine={engine} onRetry={null} />)).toContain('title="任务引擎已连续停止 5 次（最后的退出码为 3）。"');
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(renderToStaticMarkup(<EngineStatusSegment engine={engine} onRetry={null} />)).toContain(`title="${engine.message}"`);
  });
});

/**
 * `connectApp` carries the engine status both ways, through the real client over an in-memory
 * transport standing in for IPC (it answers as main's engine host would).
 */
describe('app slice: job engine', () => {
  it('loads app:engine, Retry calls app:retryEngine and keeps its answer, app:engine events update it', async () => {
    const asked: string[] = [];
    const listeners = new Map<string, (payload: unknown) => void>();
    let engine: Result<unknown> = { ok: true, data: { state: 'down', message: 'The job engine stopped 5 times in a row (last exit code 3).' } };
    const transport: StudioTransport = {
      async invoke(channel) {
        asked.push(channel);
        if (channel === 'app:engine') return engine;
        if (channel === 'app:retryEngine') {
          engine = { ok: true, data: { state: 'starting' } };
          return engine;
        }
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'not in this test' } };
      },
      subscribe(channel, listener) {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    };
    const off = connectApp(createStudioClient(buildStudioApi(transport)), useStudio);
    await expect.poll(() => useStudio.getState().app.engine?.state).toBe('down');

    expect(await useStudio.getState().app.retryEngine?.()).toEqual({ state: 'starting' });
    expect(asked.filter((c) => c === 'app:retryEngine')).toHaveLength(1);
    expect(useStudio.getState().app.engine).toEqual({ state: 'starting' });

    listeners.get('app:engine')?.({ state: 'running' });
    expect(useStudio.getState().app.engine).toEqual({ state: 'running' });
    off();
    expect(useStudio.getState().app.retryEngine).toBeNull();
    expect(listeners.has('app:engine')).toBe(false);
  });
});
