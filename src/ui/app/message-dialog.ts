/**
 * `<ech-message-dialog>`: a modal list of messages (a broken file's issues, CSV errors, a link to
 * copy). Text only: every message is rendered escaped.
 */
import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { controlStyles } from "../shared/styles.ts";

export interface DialogContent {
  readonly title: string;
  readonly intro?: string;
  readonly messages?: readonly string[];
  /** A value to show in a read-only field (e.g. a share link). */
  readonly copyText?: string;
}

export class MessageDialog extends LitElement {
  static override properties = { content: { attribute: false } };
  declare content: DialogContent | undefined;

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has("content")) return;
    const dialog = this.renderRoot.querySelector("dialog");
    if (this.content && dialog && !dialog.open) dialog.showModal?.();
  }

  private close() {
    this.renderRoot.querySelector("dialog")?.close?.();
    this.content = undefined;
    this.dispatchEvent(new CustomEvent("ech-dialog-close", { bubbles: true, composed: true }));
  }

  override render() {
    const c = this.content;
    if (!c) return nothing;
    return html`<dialog aria-labelledby="dlg-title" @close=${() => this.close()} @cancel=${() => this.close()}>
      <h2 id="dlg-title">${c.title}</h2>
      ${c.intro ? html`<p>${c.intro}</p>` : nothing}
      ${c.messages?.length ? html`<ul class="messages">${c.messages.slice(0, 200).map((m) => html`<li>${m}</li>`)}</ul>
        ${c.messages.length > 200 ? html`<p class="muted">…and ${c.messages.length - 200} more.</p>` : nothing}` : nothing}
      ${c.copyText !== undefined ? html`<label>Link <input class="copy" readonly .value=${c.copyText} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}></label>` : nothing}
      <div class="buttons"><button class="primary" @click=${() => this.close()} autofocus>Close</button></div>
    </dialog>`;
  }

  static override styles = [controlStyles, css`
    dialog { max-width: min(46rem, 90vw); border: 1px solid var(--ech-border); border-radius: 6px; padding: 1rem 1.25rem; color: var(--ech-text); background: var(--ech-surface); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
    .messages { max-height: 50vh; overflow: auto; padding-left: 1.2rem; font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
    label { display: flex; gap: 0.5rem; align-items: center; }
    .copy { flex: 1; font-family: ui-monospace, monospace; font-size: 0.8em; }
    .buttons { display: flex; justify-content: flex-end; margin-top: 0.8rem; }
  `];
}

customElements.define("ech-message-dialog", MessageDialog);
declare global {
  interface HTMLElementTagNameMap { "ech-message-dialog": MessageDialog }
}
