// One adapter per server: how a browser's y-websocket provider reaches it. The provider, the Yjs
// document and the awareness are the same for both; what differs is the address, the sign-in and,
// for Hocuspocus, the framing of each message.
//
// Sakråd (docs/notes-protocol.md): `<server>/ws/notes/<group id>`, signed in by the session cookie
// the browser sends, with an Origin the server allows. Plain y-websocket messages, plus two of ours:
// type 2 (read-only now / writable again) and type 4 (the reason for the close that follows).
//
// Hocuspocus (v2 and later): any path; every message starts with the document name, and the first
// one for a document must be an auth message (a token, empty here: the bench server lets anyone
// in). Its answers carry the same prefix, a sync step 1 may come as type 4 ("sync reply"), and
// each update is acknowledged with a type 8 (sync status), which the y-websocket provider does not
// know: the adapter takes the prefix off, passes sync, awareness and awareness queries on, and
// keeps the rest to itself.

import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

const SYNC = 0
const AUTH = 2
const NOTICE = 4 // Sakråd: a close reason; Hocuspocus: a sync reply
const HOCUSPOCUS_TO_Y_WEBSOCKET = new Map([[0, SYNC], [1, 1], [3, 3], [4, SYNC]])
const HOCUSPOCUS_AUTH_TOKEN = 0
const HOCUSPOCUS_PERMISSION_DENIED = 1

/** What the adapters saw that the provider does not report, for the run's report. */
export class ServerSignals {
  constructor () {
    this.readOnly = 0 // Sakråd's "read-only now" (a member who should be writing)
    this.refusals = new Map() // reason -> count (Sakråd's notices, Hocuspocus's permission denied)
    this.acks = 0 // Hocuspocus's sync status messages
  }

  refused (reason) {
    this.refusals.set(reason, (this.refusals.get(reason) || 0) + 1)
  }
}

/**
 * The WebSocket class a provider is given (`WebSocketPolyfill`): ws with the browser's Cookie and
 * Origin headers, as the page's own socket carries them.
 */
export function sakradSocket ({ cookie, origin }) {
  return class SakradSocket extends WebSocket {
    constructor (url, protocols) {
      super(url, protocols, { headers: { Cookie: cookie }, origin })
    }
  }
}

/** The two messages of ours, as frontend/src/lib/connection.js reads them. */
export function sakradHandlers (provider, signals) {
  provider.messageHandlers[AUTH] = (encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) signals.readOnly++
  }
  provider.messageHandlers[NOTICE] = (encoder, decoder) => {
    signals.refused(decoding.readVarString(decoder))
  }
}

/** A ws socket framed for Hocuspocus, looking to the provider like a plain y-websocket socket. */
export function hocuspocusSocket ({ documentName, token = '', signals }) {
  return class HocuspocusSocket {
    constructor (url, protocols) {
      this.OPEN = WebSocket.OPEN
      this.onopen = null
      this.onmessage = null
      this.onclose = null
      this.onerror = null
      const socket = new WebSocket(url, protocols)
      socket.binaryType = 'arraybuffer'
      this.socket = socket
      socket.onopen = () => {
        const auth = encoding.createEncoder()
        encoding.writeVarString(auth, documentName)
        encoding.writeVarUint(auth, AUTH)
        encoding.writeVarUint(auth, HOCUSPOCUS_AUTH_TOKEN)
        encoding.writeVarString(auth, token)
        socket.send(encoding.toUint8Array(auth))
        if (this.onopen) this.onopen({})
      }
      socket.onmessage = (event) => this.receive(new Uint8Array(event.data))
      socket.onclose = (event) => { if (this.onclose) this.onclose(event) }
      socket.onerror = (event) => { if (this.onerror) this.onerror(event) }
    }

    get readyState () { return this.socket.readyState }
    get extensions () { return this.socket.extensions }
    set binaryType (value) {} // always arraybuffer underneath

    send (message) {
      const framed = encoding.createEncoder()
      encoding.writeVarString(framed, documentName)
      encoding.writeUint8Array(framed, message)
      this.socket.send(encoding.toUint8Array(framed))
    }

    close (code, reason) { this.socket.close(code, reason) }

    receive (data) {
      const decoder = decoding.createDecoder(data)
      decoding.readVarString(decoder) // the document name: one document per socket here
      const type = decoding.readVarUint(decoder)
      const rest = decoder.arr.subarray(decoder.pos)
      if (type === AUTH) {
        if (decoding.readVarUint(decoder) === HOCUSPOCUS_PERMISSION_DENIED) {
          signals.refused(decoding.readVarString(decoder))
        }
        return
      }
      if (type === 8) {
        signals.acks++
        return
      }
      const mapped = HOCUSPOCUS_TO_Y_WEBSOCKET.get(type)
      if (mapped === undefined || !this.onmessage) return
      const message = encoding.createEncoder()
      encoding.writeVarUint(message, mapped)
      encoding.writeUint8Array(message, rest)
      this.onmessage({ data: encoding.toUint8Array(message) })
    }
  }
}
