import { lazy, type ComponentType } from 'react';

export type LazyPage<Props extends object> = ComponentType<Props> & {
  /** Starts loading the page's code now (once), so that the first render need not wait for it. */
  preload(): Promise<unknown>;
};

/**
 * React.lazy for a page whose code can be loaded ahead (route-prefetch.ts starts it at page load). React.lazy
 * suspends on its first render even when the code has arrived, and React then keeps the fallback on screen for up
 * to 300 ms (its throttle on revealing suspended content): an idle gap measured when opening a map (P5 in
 * tests/bench/RESULTS.md). This renders the loaded component directly and uses React.lazy only while the code is
 * still on its way.
 */
export function lazyPage<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyPage<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => (loaded = component)).catch((error: unknown) => {
      loading = null; // a failed load (a deploy replaced the chunk, the network dropped) is tried again next time
      throw error;
    }));
  const pending = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: Props) {
    const Component = loaded ?? pending;
    return <Component {...props} />;
  }
  return Object.assign(Page, { preload });
}
