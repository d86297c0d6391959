import { useSyncExternalStore } from 'react';
import { getPrefs, subscribePrefs, type Prefs } from './store';

export function usePrefs(): Prefs {
  return useSyncExternalStore(subscribePrefs, getPrefs, getPrefs);
}
