import { AUTO_DURATION } from '../catalog/task-type';
import { adaptiveOutputSize, outputSize, type PixelSize } from '../catalog/output-sizes';
import { estimateCost, type CostEstimate } from '../catalog/params';
import type { JobParams, ModelEntry } from '../catalog/types';
import type { ClipSidecar } from './sidecar';

/*
 * "Make final (1080p)" on a draft clip (seedance-2.5.md §2.6 ModelArk, §3 fal): the final job the
 * app sends for a draft, and what the person is told before sending it — both stages billed, both
 * prices, and when the draft stops being usable. Pure: the Library, the CLI and tests share it.
 */

/** Why a clip cannot be finished, in words fit to show. */
export type FinalRefusal = { ok: false; message: string };

/**
 * The final job's parameters for a draft clip: the draft's own parameters (kept for the library,
 * never sent: the adapters send only the draft id and the resolution) at the row's final
 * resolution, linked to the draft by `finalOf`. Refused when the clip is not a draft, has no draft
 * id, its row has no draft support (`entry` undefined: the model left the catalogue), or the
 * draft expired (`now`, ms epoch, past `sidecar.draft.expiresAt`: the id is valid 7 days).
 */
export function finalParams(sidecar: ClipSidecar, entry: ModelEntry | undefined, now: number): { ok: true; params: JobParams } | FinalRefusal {
  if (!sidecar.parameters.draft) return { ok: false, message: 'This clip is not a draft; only a draft can be made final.' };
  if (!sidecar.draft) return { ok: false, message: 'The provider gave no draft id for this draft, so it cannot be made final. Generate it again as a draft.' };
  if (!entry?.draft) return { ok: false, message: `${sidecar.modelId} no longer offers Draft → final in this app.` };
  if (now >= sidecar.draft.expiresAt) {
    return { ok: false, message: `This draft expired on ${dayOf(sidecar.draft.expiresAt)} (a draft can be made final for ${entry.draft.validDays} days). Generate a new draft, or generate at 1080p directly.` };
  }
  const { draft: _draft, finalOf: _finalOf, ...kept } = sidecar.parameters;
  return {
    ok: true,
    params: {
      ...kept,
      modelId: sidecar.modelId,
      prompt: sidecar.prompt,
      resolution: entry.draft.finalResolutions[0]!,
      finalOf: { clipId: sidecar.id, draftId: sidecar.draft.id },
    },
  };
}

/**
 * What "Make final" will cost and until when it can be asked, for the confirm: `draft` is the
 * draft's own estimate as filed (already billed), `final` the estimate for the final at its
 * resolution over the draft's real length and ratio; either null when there is no published price.
 * `draftPriceUnconfirmed`: the brief has no separate draft price (seedance-2.5.md §2.7), so the
 * draft was estimated at the row's 480p price.
 */
export interface FinalQuote {
  draft: { usd: number; asOf: string } | null;
  final: CostEstimate | null;
  /** ms epoch */
  expiresAt: number;
  draftPriceUnconfirmed: true;
}

/** The quote for finishing a draft clip whose final would use `params` (from `finalParams`). */
export function finalQuote(sidecar: ClipSidecar, entry: ModelEntry, params: JobParams, expiresAt: number): FinalQuote {
  // The final keeps the draft's length and framing: price it on what the draft really is.
  const seconds = params.duration === AUTO_DURATION ? Math.max(1, Math.round(sidecar.output.durationSec)) : params.duration;
  const size = finalSize(entry, params, sidecar.output);
  return { draft: sidecar.cost.estimate, final: estimateCost(entry, { ...params, duration: seconds }, size), expiresAt, draftPriceUnconfirmed: true };
}

/** The final's size: the table's size for the draft's ratio, or, for an adaptive draft, for the ratio the draft came out in. */
function finalSize(entry: ModelEntry, params: JobParams, draftOutput: PixelSize): PixelSize | null {
  const fixed = outputSize(entry.sizeFamily, params.resolution, params.aspectRatio);
  return fixed ?? adaptiveOutputSize(entry.sizeFamily, params.resolution, draftOutput)?.size ?? null;
}

/** The plain sentence the confirm shows: both stages billed, both prices, and the draft's expiry. */
export function finalQuoteText(quote: FinalQuote, demo: boolean): string {
  const usd = (n: number) => `$${n.toFixed(2)}`;
  const draft = quote.draft ? `the draft ≈ ${usd(quote.draft.usd)} (already billed; estimated at the 480p price, no separate draft price is published)` : 'the draft (no published price)';
  const final = quote.final ? `the final ≈ ${usd(quote.final.usd)} (estimate, prices as of ${quote.final.asOf})` : 'the final (no published price)';
  const total = quote.draft && quote.final ? ` — about ${usd(quote.draft.usd + quote.final.usd)} for both` : '';
  const lead = demo ? 'Demo: nothing is billed. With a real key both stages are billed: ' : 'Both stages are billed: ';
  return `${lead}${draft} and ${final}${total}. The draft can be made final until ${dayTimeOf(quote.expiresAt)}.`;
}

/** `YYYY-MM-DD` (UTC) of a ms epoch. */
function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM UTC` of a ms epoch. */
function dayTimeOf(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
