import { useEffect, useState } from 'react';

/**
 * The current time (ms epoch), refreshed every `everyMs` while `live` is true — for timers and
 * ETAs of jobs under way. Ended jobs pass `live: false` and never re-render on their own.
 */
export function useNow(live: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [live, everyMs]);
  return now;
}
