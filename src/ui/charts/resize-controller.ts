import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * The host element's content width, updated by a ResizeObserver (modelled on lit's
 * ResizeController). Where ResizeObserver does not exist (jsdom), the width stays `fallback`.
 */
export class WidthController implements ReactiveController {
  width: number;
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, fallback = 640) {
    this.width = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === "undefined") return;
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) >= 1) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
