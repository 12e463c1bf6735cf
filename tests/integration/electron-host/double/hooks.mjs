/**
 * Module-resolution hook (`module.register`): the bare specifier `electron` — from the built
 * entry and from electron-store alike — resolves to the test double next to this file.
 */
const DOUBLE = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: DOUBLE, shortCircuit: true };
  return nextResolve(specifier, context);
}
