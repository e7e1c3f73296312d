import { useEffect, useState } from 'preact/hooks';
import { parseHash, type Route } from './hash.route';

/** The route in `location.hash`, following hash changes (links, back, forward). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a hash; `replace` for filter edits, so Back leaves the page instead of undoing a keystroke. */
export function navigate(hash: string, { replace = false } = {}): void {
  if (replace) location.replace(hash);
  else location.hash = hash;
}
