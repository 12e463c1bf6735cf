import { estimateCost, outputSizeFor } from '../../../shared/catalog/params';
import type { JobParams, ModelEntry } from '../../../shared/catalog/types';
import type { StudioState } from '../index';

/**
 * The estimate Compose's footer shows for `params` (providers.md "Cost"), in USD: the output size
 * follows the first frame's size where the ratio does (adaptive/auto). Null when there is no price.
 */
export function composeEstimateUsd(state: StudioState, model: ModelEntry, params: JobParams): number | null {
  const { draft, images, checks } = state.compose;
  const first = draft?.firstFrame ? (images[draft.firstFrame.imageId]?.info ?? (checks.first.status === 'done' ? checks.first.value.info : undefined)) : undefined;
  return estimateCost(model, params, outputSizeFor(model, params, first))?.usd ?? null;
}
