import { Library, ListVideo, Receipt, Settings, Sparkles, type LucideIcon } from 'lucide-react';
import type { ViewId } from '../store/shell/slice';

/** Rail icon per view, in rail order; the label is `shell:views.<id>`. */
export const VIEW_ICONS: Record<ViewId, LucideIcon> = {
  compose: Sparkles,
  queue: ListVideo,
  library: Library,
  spend: Receipt,
  settings: Settings,
};
