// Helpers for the faults journeys (e2e/faults-*.spec.ts): read the studio's IndexedDB straight from the page.

import type { Page } from '@playwright/test';

/** The keys of `store` in the studio's database, read by the page itself (JSON-friendly: arrays of strings). */
export async function readStoreKeys(page: Page, store: string): Promise<string[]> {
  return page.evaluate((name) => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('ml-studio');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(name, 'readonly').objectStore(name).getAllKeys();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        db.close();
        resolve(request.result.map((key) => JSON.stringify(key)));
      };
    };
  }), store);
}

/** The open notebook's route (`#/notebook/<id>`), from the page's address. */
export function readNotebookHash(page: Page): string {
  return new URL(page.url()).hash;
}
