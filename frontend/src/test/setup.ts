import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { reloadPrefs } from '../prefs/store';
import { loadLang } from '../i18n';
import { takeUnanswered } from './unanswered';

// The app loads English on demand; tests switch languages synchronously.
await loadLang('en');

// findBy*/waitFor give up after 1 s by default, too short on a loaded CI
// machine, where a page's lazily imported module is also compiled on first use.
configure({ asyncUtilTimeout: 10000 });

const WIDTH = 1280;
function mediaMatches(query: string): boolean {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+)px/.exec(query);
  return (!min || WIDTH >= Number(min[1])) && (!max || WIDTH <= Number(max[1]));
}

// antd needs these browser APIs that jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  // Pretend to be a 1280px-wide desktop screen.
  value: (query: string) => ({
    matches: mediaMatches(query),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
window.scrollTo = () => {};
Element.prototype.scrollIntoView = function () {};
class RO {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = window.ResizeObserver ?? (RO as unknown as typeof ResizeObserver);
// jsdom's getComputedStyle matches every rule of antd's injected CSS and is
// very slow; inline styles are all the tests need.
window.getComputedStyle = ((elt: Element) =>
  (elt as HTMLElement).style ?? document.createElement('div').style) as typeof window.getComputedStyle;

beforeEach(() => {
  window.localStorage.clear();
  reloadPrefs();
  takeUnanswered();
});
afterEach(() => {
  cleanup();
  const missed = [...new Set(takeUnanswered())];
  if (missed.length) throw new Error(`the test's mockApi table has no reply for: ${missed.join(', ')}`);
});
