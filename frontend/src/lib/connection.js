// The socket to the server (y-websocket) and what the page says about it in its status line.
//
// Besides y-websocket's own messages the server sends two of ours (docs/notes-protocol.md):
// type 2 (y-protocols' auth) with sub-type 0 "read-only now" and 1 "writable again", and type 4,
// the reason token for the close that follows (Daphne drops close frames' reasons).

import { WebsocketProvider } from 'y-websocket'
import * as decoding from 'lib0/decoding'
import { MAX_BACKOFF_MS, RESYNC_MS, websocketTarget } from './common.js'

// Failed attempts in a row before "Reconnecting…" becomes "Offline — your changes are kept…".
export const OFFLINE_AFTER_FAILURES = 2

// Close codes of a server that goes away for a moment and comes back (docs/reliability.md): 1012, a
// worker restarting (a deploy stops each in turn); 1013, try again later; 4500, the server could
// not store a change (its database restarting, say). y-websocket reconnects after each, and the
// page's unsaved changes go with its sync step 2. Until then the page says the server, not the
// network, is away: the browser is online, and "Offline" would send people to check their Wi-Fi.
export const SERVER_AWAY_CODES = new Set([1012, 1013, 4500])

export function openConnection (notesUrl, doc) {
  const target = websocketTarget(notesUrl)
  return new WebsocketProvider(target.server, target.room, doc, {
    maxBackoffTime: MAX_BACKOFF_MS,
    resyncInterval: RESYNC_MS,
    // Two tabs of one browser would otherwise also sync over a BroadcastChannel; the server is
    // the one place edits meet, so that closed note-taking is closed for every tab.
    disableBc: true
  })
}

/** The status line's state: refused, closed, connected, offline, server_away, reconnecting or connecting. */
export function connectionState ({ closedByServer, refused, connected, synced, online, failures, everSynced, serverAway }) {
  if (closedByServer) return refused ? 'refused' : 'closed'
  if (connected && synced) return 'connected'
  if (!online) return 'offline'
  if (serverAway) return 'server_away'
  if (failures >= OFFLINE_AFTER_FAILURES) return 'offline'
  return everSynced ? 'reconnecting' : 'connecting'
}

/**
 * Whether the server is away after a socket closed with `code`: a close of an open socket says so
 * (or says it is not); a failed attempt to reconnect (never open) keeps what the last one said.
 */
export function serverAwayAfter (code, { wasOpen, before }) {
  return wasOpen ? SERVER_AWAY_CODES.has(code) : before
}

/** An auth message's sub-type as a grant: false (read-only), true (writable), null (not ours). */
export function grantFor (kind) {
  if (kind === 0) return false
  if (kind === 1) return true
  return null
}

/** Call `onGrant(editable)` for each auth message; returns what the last notice (type 4) said. */
export function listenToServer (provider, { onGrant }) {
  let noticeReason = ''
  provider.messageHandlers[4] = (encoder, decoder) => { noticeReason = decoding.readVarString(decoder) }
  provider.on('status', ({ status }) => { if (status === 'connected') noticeReason = '' })
  provider.messageHandlers[2] = (encoder, decoder) => {
    const editable = grantFor(decoding.readVarUint(decoder))
    if (editable !== null) onGrant(editable)
  }
  return () => noticeReason
}

/** The status line ([data-notes-status]) and root's data-connection, kept in step with the provider. */
export class ConnectionStatus {
  constructor (root, statusNode, provider, t) {
    Object.assign(this, { root, statusNode, provider, t })
    this.everSynced = false
    this.shown = null
    this.closedByServer = false
    this.refusalMessage = null // what the server refused, while closed because of it
    this.serverAway = false // the last open socket was closed by a server going away for a moment
    // y-websocket tells of every close, failed attempts too, before it marks itself disconnected.
    provider.on('connection-close', (event) => {
      this.serverAway = serverAwayAfter(event && event.code, { wasOpen: provider.wsconnected, before: this.serverAway })
    })
  }

  update () {
    const state = connectionState({
      closedByServer: this.closedByServer,
      refused: Boolean(this.refusalMessage),
      connected: this.provider.wsconnected,
      synced: this.provider.synced,
      online: navigator.onLine,
      failures: this.provider.wsUnsuccessfulReconnects,
      everSynced: this.everSynced,
      serverAway: this.serverAway
    })
    this.root.dataset.connection = state
    if (state === this.shown) return
    this.shown = state
    this.statusNode.textContent = state === 'refused' ? this.refusalMessage : this.t(`status_${state}`)
    this.statusNode.dataset.state = state
  }

  closed (refusalMessage) {
    this.closedByServer = true
    this.refusalMessage = refusalMessage
    this.update()
  }

  reopened () {
    this.closedByServer = false
    this.refusalMessage = null
  }
}
