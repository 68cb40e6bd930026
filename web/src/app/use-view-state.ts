import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state';

/**
 * The view, read from the URL at start and written back on every change
 * (`replaceState`: panning does not flood the history), so a reload or a
 * copied link opens the same view.
 */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  useEffect(() => {
    const query = serializeViewState(view);
    if (query !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
  }, [view]);
  useEffect(() => {
    const onPop = () => setView(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((change: Partial<ViewState>) => setView((previous) => ({ ...previous, ...change })), []);
  return [view, update];
}
