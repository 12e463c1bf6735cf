/**
 * Imported first by every bundle that runs under the renderer's CSP (renderer, preload, harness
 * bridge), for its side effect. zod 4 probes `new Function("")` on the first object parse to decide
 * whether to compile fast parsers; the strict CSP (`script-src 'self'`, no `'unsafe-eval'`) refuses
 * it, and although zod catches the throw, Chromium still reports a CSP violation. Jitless parsing
 * is what zod falls back to anyway there, so nothing is lost. Main and the engine keep the JIT.
 */
import { z } from 'zod';

z.config({ jitless: true });
