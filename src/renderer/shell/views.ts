import { Library, ListVideo, Receipt, Settings, Sparkles, type LucideIcon } from 'lucide-react';
import type { ViewId } from '../store/shell/slice';

/** Rail label and icon per view, in rail order. */
export const VIEW_META: Record<ViewId, { label: string; icon: LucideIcon }> = {
  compose: { label: 'Compose', icon: Sparkles },
  queue: { label: 'Queue', icon: ListVideo },
  library: { label: 'Library', icon: Library },
  spend: { label: 'Spend', icon: Receipt },
  settings: { label: 'Settings', icon: Settings },
};
