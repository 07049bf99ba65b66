import { useEffect, useState } from 'react';
import { parseHash, type RoutePath } from './routes';

/** Hash routing keeps deep links working behind any reverse proxy path without server rewrites. */
export function useHashRoute(): [RoutePath | undefined, (path: RoutePath) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (path) => (window.location.hash = `#/${path}`)];
}
