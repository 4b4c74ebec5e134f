// App-level messages (storage blocked, another tab upgraded, quota): shown in an aria-live region.

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
}

/** Info toasts leave after `infoTimeoutMs`; errors stay until dismissed. */
export class Toasts {
  items = $state.raw<Toast[]>([]);
  #nextId = 1;

  constructor(private readonly infoTimeoutMs = 6000) {}

  /** Shows `message`; the same message already showing is not repeated. */
  push(message: string, kind: Toast['kind'] = 'info'): void {
    if (this.items.some((toast) => toast.message === message)) return;
    const toast = { id: this.#nextId++, kind, message };
    this.items = [...this.items, toast];
    if (kind === 'info') setTimeout(() => this.dismiss(toast.id), this.infoTimeoutMs);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}
