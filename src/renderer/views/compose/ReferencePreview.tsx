import { useEffect, useRef, useState } from 'react';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the user asked for less motion (followed live). */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(REDUCED_MOTION);
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

/**
 * Plays a reference video over its poster while `active` (the tile is hovered or has keyboard focus;
 * issue 13 "a video reference plays on hover"): muted, looping, from main's registered URL (byte
 * ranges, like the Library's preview). The `<video>` exists only while active, so a full tray never
 * holds more than one decoder; leaving stops it. With prefers-reduced-motion nothing plays on its
 * own. A file the browser cannot play leaves the poster.
 */
export function ReferencePreview({ src, active }: { src: string; active: boolean }) {
  const reduced = useReducedMotion();
  const [broken, setBroken] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const show = active && !reduced && !broken;
  useEffect(() => {
    if (show) void video.current?.play().catch(() => undefined);
  }, [show]);
  if (!show) return null;
  return <video ref={video} className="ref-preview" src={src} muted loop playsInline autoPlay aria-hidden="true" onError={() => setBroken(true)} />;
}
