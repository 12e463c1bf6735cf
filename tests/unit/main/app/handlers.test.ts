import { describe, expect, it } from 'vitest';
import { createAppHandlers } from '../../../../src/main/app/handlers';

/** App handlers over a host that records what it was asked to open and opens everything it is asked. */
function withRecordingHost() {
  const asked: string[] = [];
  const handlers = createAppHandlers({
    info: () => ({ name: 'Seedance Studio', version: '0.0.0', host: 'harness', demo: true, platform: 'linux', versions: {}, dataDir: '/tmp/x' }),
    isOnline: () => true,
    openExternal: async (url) => {
      asked.push(url);
      return true;
    },
    openLogsFolder: async () => false,
    engine: () => ({ state: 'running' }),
    retryEngine: () => ({ state: 'running' }),
  });
  return { handlers, asked };
}

const ctx = { host: 'harness' } as const;

describe('app:openExternal in the core', () => {
  it('hands an allowlisted link to the host', async () => {
    const { handlers, asked } = withRecordingHost();
    expect(await handlers.openExternal({ url: 'https://docs.fal.ai/model-apis' }, ctx)).toEqual({ opened: true });
    expect(asked).toEqual(['https://docs.fal.ai/model-apis']);
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)//fal.ai', 'https://novita.ai@evil.com/', 'smb://fal.ai/share', 'app://renderer/index.html'])(
    'refuses %s without asking the host',
    async (url) => {
      const { handlers, asked } = withRecordingHost();
      expect(await handlers.openExternal({ url }, ctx)).toEqual({ opened: false });
      expect(asked).toEqual([]);
    },
  );
});
