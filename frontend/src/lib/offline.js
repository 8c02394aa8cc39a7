// Working without the network: the group's copy in this browser's IndexedDB (y-indexeddb keeps
// every change until the server has it) and what the page does when the network goes and comes.

import { IndexeddbPersistence } from 'y-indexeddb'

// With nothing kept in this browser, how long the server's answer is awaited before editing starts.
export const READY_WAIT_MS = 3000

export function keepOffline (storeName, doc) {
  return new IndexeddbPersistence(storeName, doc)
}

/**
 * Once this browser's copy has loaded: 'now' to show the points at once (something was kept, or
 * there is no network to wait for), 'later' to wait READY_WAIT_MS for the server so the stored
 * points don't flash away, else 'server' (a reader waits for the server, however long).
 */
export function whenKeptLoaded ({ kept, online, editable }) {
  if (kept > 0 || !online) return 'now'
  return editable ? 'later' : 'server'
}

/** Whether the network coming back should reconnect at once rather than wait for the backoff timer. */
export function reconnectWhenOnline ({ closedByServer, connected }) {
  return !closedByServer && !connected
}

/** Reconnect at once when the network comes back; close at once when it goes. */
export function watchNetwork (provider, { closedByServer, changed }) {
  window.addEventListener('online', () => {
    if (reconnectWhenOnline({ closedByServer: closedByServer(), connected: provider.wsconnected })) {
      provider.disconnect()
      provider.connect()
    }
    changed()
  })
  window.addEventListener('offline', () => {
    // A socket can stay half-open for a long time when the Wi-Fi drops; close it at once and
    // keep editing locally.
    provider.disconnect()
    changed()
  })
}
