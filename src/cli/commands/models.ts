import { CATALOG } from '../../shared/catalog/models';
import { isoDay, modelState, statusLine } from '../../shared/catalog/status';
import type { ModelEntry, ParamSpec } from '../../shared/catalog/types';
import type { CliIo } from '../io';

function describe(spec: ParamSpec | undefined): string {
  if (!spec) return '-';
  if (spec.kind === 'enum') return spec.options.map((o) => (spec.unconfirmed?.includes(o) ? `${o}?` : o)).join(' ');
  if (spec.kind === 'int') return spec.values ? spec.values.join('|') : `${spec.min}-${spec.max}`;
  return String(spec.default);
}

function line(m: ModelEntry, today: string): string {
  const get = (key: ParamSpec['key']) => m.params.find((p) => p.key === key);
  const modes = m.modes.map((x) => ({ 'text-to-video': 't2v', 'image-to-video': 'i2v', 'first-last-frame': 'first+last', 'reference-to-video': 'r2v' })[x]).join(',');
  const c = m.cost;
  const cost = !c
    ? 'price unknown'
    : c.kind === 'tokens'
      ? `≈ $${c.usdPerMillionTokens}/M tokens (as of ${c.asOf})`
      : `≈ ${Object.entries(c.usdPerSecond).map(([r, usd]) => `${r} $${usd}/s`).join(', ')} (as of ${c.asOf})`;
  const status = m.status ? `\n    status: ${statusLine(m, today)}${m.status.replacement ? ` · use ${m.status.replacement} instead` : ''}` : '';
  return `${m.id}\n    ${m.name} · ${modes} · ${describe(get('resolution'))} · ${describe(get('duration'))} s · ${cost} · ${modelState(m, today)}${status}`;
}

/**
 * `seedance models [--json]`: the catalog, one row per (provider, model). `--json` prints the
 * `ModelEntry[]` array as is (with each row's `status` where it has one); otherwise a readable list
 * (`?` marks unconfirmed options) ending each row's first line with its state on `today`
 * (`active`, `deprecated`, `retired`), and for rows with a status a line with its date, source and
 * replacement. Exit 0.
 */
export function modelsCommand(opts: { json: boolean }, io: CliIo, today: string = isoDay(Date.now())): number {
  if (opts.json) {
    io.stdout(`${JSON.stringify(CATALOG, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${CATALOG.map((m) => line(m, today)).join('\n')}\n`);
  return 0;
}
