import type { ReactiveController, ReactiveControllerHost } from "lit";

/** A stand-in for a lit element hosting reactive controllers: counts update requests. */
export function host() {
  const h = { updates: 0, controllers: [] as ReactiveController[] };
  const api: ReactiveControllerHost = {
    addController: (c) => h.controllers.push(c), removeController: () => {}, requestUpdate: () => { h.updates++; },
    updateComplete: Promise.resolve(true),
  };
  return { h, api };
}
