/**
 * Secret scrubbing for anything that leaves memory (log lines, errors shown to the user, sidecars).
 * The key vault registers every key it hands out; `redact` replaces each occurrence with `•••`.
 * Header-like fields (`authorization`, `*key*`, `token`) are masked whatever their value.
 */
const secrets = new Set<string>();
const SECRET_FIELD = /authorization|api[-_]?key|^key$|token|secret|password/i;

/** Registers a secret so that it is masked wherever it appears. Ignores strings shorter than 6 chars. */
export function registerSecret(value: string): void {
  if (value.length >= 6) secrets.add(value);
}

/** Returns `text` with every registered secret replaced by `•••`. */
export function redactText(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('•••');
  return out;
}

/** Deep-copies `value` with secrets masked; Errors become `{ name, message }` (no stack: paths and secrets hide there). */
export function redact<T>(value: T, depth = 0): T {
  if (depth > 6) return '[deep]' as T;
  if (typeof value === 'string') return redactText(value) as T;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) } as T;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) && typeof v === 'string' ? '•••' : redact(v, depth + 1);
    return out as T;
  }
  return value;
}
