import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
}

/** A centred, honest empty state: what is missing and what will fill it. */
export function EmptyState({ icon: Icon, title, children }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-icon">
        <Icon aria-hidden="true" size={28} strokeWidth={1.6} />
      </div>
      <h2 id="empty-title">{title}</h2>
      <div className="empty-body">{children}</div>
    </section>
  );
}
