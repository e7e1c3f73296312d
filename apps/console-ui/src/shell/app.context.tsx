import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import type { LiveStore } from '../live';
import type { LiveEventName } from '../live.reducer';
import type { LiveEvents } from '@junction/console-api';

export interface AppServices {
  readonly api: Api;
  readonly live: LiveStore;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}

/** The live state, re-rendering on every push. */
export function useLive() {
  const { live } = useApp();
  const [state, setState] = useState(live.getState());
  useEffect(() => {
    setState(live.getState());
    return live.subscribe(setState);
  }, [live]);
  return state;
}

/** Runs `listener` on each pushed batch of one live event while mounted. */
export function useLiveEvent<K extends LiveEventName>(
  name: K,
  listener: (data: LiveEvents[K]) => void,
): void {
  const { live } = useApp();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => live.onEvent(name, (data) => latest.current(data)), [live, name]);
}
