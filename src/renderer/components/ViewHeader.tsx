import { useEffect, useRef, type ReactNode } from 'react';

interface ViewHeaderProps {
  title: string;
  /** One sentence under the title saying what the view is for. */
  subtitle: string;
  /** Buttons on the right of the header. */
  actions?: ReactNode;
}

/**
 * A view's header with its one `h1`. The heading takes focus when the view opens (keyboard and
 * screen-reader users land on the new view's title, not on the rail button they pressed).
 */
export function ViewHeader({ title, subtitle, actions }: ViewHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="view-header">
      <div>
        <h1 id="view-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="view-subtitle">{subtitle}</p>
      </div>
      {actions ? <div className="view-actions">{actions}</div> : null}
    </header>
  );
}
