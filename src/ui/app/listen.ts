/** Adds event listeners to page-level targets; returns a function that removes them all. */
export type Listener = readonly [target: EventTarget, type: string, handler: (e: never) => unknown];

export function listen(listeners: readonly Listener[]): () => void {
  for (const [target, type, handler] of listeners) target.addEventListener(type, handler as EventListener);
  return () => {
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler as EventListener);
  };
}
