import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../src/main/ipc/router';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { describeError, unwrap } from '../../../../src/renderer/api/client';
import { i18n } from '../../../../src/renderer/i18n/index';
import { contract, type Handlers } from '../../../../src/shared/contract/index';
import { StudioError } from '../../../../src/shared/contract/result';
import { said } from '../../../../src/shared/messages/phrase';

/** Handlers for every verb; `app:status` throws what the test gives it. */
function handlersThrowing(err: unknown): Handlers {
  const handlers: Record<string, Record<string, () => unknown>> = {};
  for (const [domain, def] of Object.entries(contract)) {
    handlers[domain] = Object.fromEntries(Object.keys(def.requests).map((verb) => [verb, () => { throw err; }]));
  }
  return handlers as unknown as Handlers;
}

/** What a window shows for a failed request: the router's answer unwrapped and described, in `lang`. */
async function shown(channel: string, input: unknown, err: unknown, lang: string): Promise<string> {
  const answer = await createRouter(handlersThrowing(err), createMemoryLogger()).dispatch(channel, input, { host: 'harness' });
  await i18n.changeLanguage(lang);
  try {
    unwrap(answer);
  } catch (thrown) {
    return describeError(thrown);
  }
  throw new Error('the request did not fail');
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('request errors in the UI language (issue 14)', () => {
  it('shows a refused message shape in Chinese and English, naming the channel', async () => {
    const zh = await shown('app:openExternal', { url: 42 }, null, 'zh-CN');
    expect(zh).toMatch(/^发给 app:openExternal 的消息格式不对：url: /);
    const en = await shown('app:openExternal', { url: 42 }, null, 'en');
    expect(en).toMatch(/^Invalid message for app:openExternal: url: /);
  });

  it('shows a handler failure built from a phrase in Chinese', async () => {
    const err = new StudioError('NOT_FOUND', said('request.unknownChannel', { channel: 'jobs:nope' }));
    expect(await shown('app:status', {}, err, 'zh-CN')).toBe('未知的通道“jobs:nope”。');
    expect(await shown('app:status', {}, err, 'en')).toBe('Unknown channel "jobs:nope".');
  });

  it('keeps the English message of an error thrown without a phrase', async () => {
    const err = new StudioError('CONFLICT', 'Plain English only.');
    expect(await shown('app:status', {}, err, 'zh-CN')).toBe('Plain English only.');
  });

  it('hides an unexpected error behind a sentence in the UI language', async () => {
    expect(await shown('app:status', {}, new Error('ENOENT /secret'), 'zh-CN')).toBe('处理 app:status 时出了问题；详情见日志。');
  });
});
