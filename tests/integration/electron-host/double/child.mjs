/**
 * Runs in a child `node`: maps `electron` to the double, loads the built entry (argv[2]) and then
 * answers the test's commands over IPC (`{ id, cmd, ...args }` → `{ id, ok, result | error }`).
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
const { state, app } = await import('./electron.mjs');

/** A serialisable view of a `Response`: status, headers, body as base64. */
async function describeResponse(res) {
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: Object.fromEntries(res.headers), body: body.toString('base64') };
}

/** The first recorded call of `kind` matching `where` (a partial) after the first `skip` such calls, now or when it happens. */
function waitFor(kind, where = {}, skip = 0) {
  const matches = (e) => e.kind === kind && Object.entries(where).every(([k, v]) => JSON.stringify(e[k]) === JSON.stringify(v));
  const earlier = state.calls.filter(matches);
  if (earlier.length > skip) return Promise.resolve(earlier[skip]);
  let seen = earlier.length;
  return new Promise((resolve) => {
    const on = (e) => {
      if (!matches(e) || seen++ < skip) return;
      state.bus.off('record', on);
      resolve(e);
    };
    state.bus.on('record', on);
  });
}

const commands = {
  ready: () => app.playReady(),
  calls: () => state.calls,
  waitFor: ({ kind, where, skip }) => waitFor(kind, where, skip),
  fetch: async ({ url, method = 'GET', headers = {} }) => {
    const handler = state.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    return describeResponse(await handler(new Request(url, { method, headers })));
  },
  invoke: async ({ channel, input, frameUrl, isMainFrame = true }) => {
    const handler = state.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const senderFrame = { url: frameUrl, parent: isMainFrame ? null : { url: frameUrl } };
    return handler({ senderFrame }, input);
  },
  appEvent: ({ event, args = [] }) => app.emit(event, { preventDefault() {} }, ...args),
  windowEvent: ({ index, event, args = [] }) => state.windows[index].emit(event, ...args),
  webContentsEvent: ({ index, event, args = [] }) => state.windows[index].webContents.emit(event, { preventDefault() {} }, ...args),
  closeWindow: ({ index }) => state.windows[index].playClose(),
  engineMode: ({ mode }) => {
    state.engineMode = mode;
  },
  stopEngines: () => {
    for (const child of state.engines) child.kill('SIGKILL');
  },
};

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    const result = await commands[cmd](args);
    process.send({ id, ok: true, result: result === undefined ? null : result });
  } catch (err) {
    process.send({ id, ok: false, error: err instanceof Error ? err.stack : String(err) });
  }
});

await import(process.argv[2]);
process.send({ id: 0, ok: true, result: 'loaded' });
