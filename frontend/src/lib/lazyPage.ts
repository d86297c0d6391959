import { lazy as reactLazy, type ComponentType } from 'react';

type Module<T> = { default: T };

/** React.lazy, plus preload(); once the module has arrived the component
 *  renders at once instead of suspending. A first render that suspends
 *  shows the page skeleton for at least React's 500 ms reveal throttle,
 *  which is what main.tsx avoids by loading the first page before it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazy<T extends ComponentType<any>>(load: () => Promise<Module<T>>) {
  let loaded: Module<T> | undefined;
  let loading: Promise<Module<T>> | undefined;
  const preload = () => (loading ??= load().then((m) => (loaded = m)));
  // React.lazy reads a module its thenable hands over synchronously without suspending.
  const now = (m: Module<T>) => ({ then: (ok: (m: Module<T>) => void) => ok(m) }) as unknown as Promise<Module<T>>;
  return Object.assign(
    reactLazy(() => (loaded ? now(loaded) : preload())),
    { preload },
  );
}
