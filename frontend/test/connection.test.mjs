// Unit tests of the status line's states and the server's own messages (src/lib/connection.js,
// src/lib/offline.js, src/lib/announce.js): `npm test`.
import { test } from 'node:test'
import assert from 'node:assert'
import { OFFLINE_AFTER_FAILURES, connectionState, grantFor, serverAwayAfter } from '../src/lib/connection.js'
import { reconnectWhenOnline, whenKeptLoaded } from '../src/lib/offline.js'
import { Announcer, changesMessage, repeatable } from '../src/lib/announce.js'

const base = { closedByServer: false, refused: false, connected: true, synced: true, online: true, failures: 0, everSynced: true }
const t = (key, values = {}) => `${key}${JSON.stringify(values)}`

test('the status line: closed by the server wins, then connected, then offline, then (re)connecting', () => {
  assert.strictEqual(connectionState(base), 'connected')
  assert.strictEqual(connectionState({ ...base, closedByServer: true }), 'closed')
  assert.strictEqual(connectionState({ ...base, closedByServer: true, refused: true }), 'refused')
  assert.strictEqual(connectionState({ ...base, synced: false }), 'reconnecting')
  assert.strictEqual(connectionState({ ...base, connected: false, everSynced: false }), 'connecting')
  assert.strictEqual(connectionState({ ...base, connected: false, online: false }), 'offline')
  assert.strictEqual(connectionState({ ...base, connected: false, failures: OFFLINE_AFTER_FAILURES - 1 }), 'reconnecting')
  assert.strictEqual(connectionState({ ...base, connected: false, failures: OFFLINE_AFTER_FAILURES }), 'offline')
  assert.strictEqual(connectionState({ ...base, closedByServer: true, online: false }), 'closed', 'no reconnect promised')
})

test('a server restarting (1012) or unable to store (4500) is told apart from the network until it is back', () => {
  const away = { ...base, connected: false, synced: false, serverAway: true }
  assert.strictEqual(connectionState(away), 'server_away')
  assert.strictEqual(connectionState({ ...away, failures: OFFLINE_AFTER_FAILURES + 3 }), 'server_away')
  assert.strictEqual(connectionState({ ...away, online: false }), 'offline', 'the network gone says more')
  assert.strictEqual(connectionState({ ...away, connected: true, synced: true }), 'connected')
  for (const code of [1012, 1013, 4500]) assert.strictEqual(serverAwayAfter(code, { wasOpen: true, before: false }), true)
  for (const code of [1000, 1006, 1011]) assert.strictEqual(serverAwayAfter(code, { wasOpen: true, before: true }), false)
  // While the server is down each attempt to reconnect fails (1006, never open): still away.
  assert.strictEqual(serverAwayAfter(1006, { wasOpen: false, before: true }), true)
  assert.strictEqual(serverAwayAfter(1006, { wasOpen: false, before: false }), false)
})

test('auth messages: 0 makes the page read-only, 1 writable, anything else is ignored', () => {
  assert.strictEqual(grantFor(0), false)
  assert.strictEqual(grantFor(1), true)
  for (const kind of [2, -1, 255, undefined]) assert.strictEqual(grantFor(kind), null)
})

test('what this browser kept is shown at once; with nothing kept, writers wait a moment, readers for the server', () => {
  assert.strictEqual(whenKeptLoaded({ kept: 3, online: true, editable: false }), 'now')
  assert.strictEqual(whenKeptLoaded({ kept: 0, online: false, editable: false }), 'now')
  assert.strictEqual(whenKeptLoaded({ kept: 0, online: true, editable: true }), 'later')
  assert.strictEqual(whenKeptLoaded({ kept: 0, online: true, editable: false }), 'server')
})

test('the network coming back reconnects at once, unless the server closed the socket or it is open', () => {
  assert.strictEqual(reconnectWhenOnline({ closedByServer: false, connected: false }), true)
  assert.strictEqual(reconnectWhenOnline({ closedByServer: true, connected: false }), false)
  assert.strictEqual(reconnectWhenOnline({ closedByServer: false, connected: true }), false)
})

test('others\' changes are told as one count per flush; a repeated message still reaches the live region', () => {
  assert.strictEqual(changesMessage(0, t), null)
  assert.strictEqual(changesMessage(1, t), 'changed_one{}')
  assert.strictEqual(changesMessage(4, t), 'changed_many{"count":4}')
  const node = { textContent: 'earlier' }
  const announcer = new Announcer(node, t)
  announcer.flush()
  assert.strictEqual(node.textContent, 'earlier', 'nothing changed: nothing said')
  announcer.count(['a', 'a', Symbol('removed')])
  announcer.count(['b'])
  announcer.flush()
  assert.strictEqual(node.textContent, 'changed_many{"count":3}')
  announcer.flush()
  assert.strictEqual(node.textContent, 'changed_many{"count":3}', 'counted once')
  assert.strictEqual(repeatable('Cut', 'Cut'), 'Cut\u00a0')
  assert.strictEqual(repeatable('Other', 'Cut'), 'Cut')
  announcer.sayAgain('Cut')
  announcer.sayAgain('Cut')
  assert.strictEqual(node.textContent, 'Cut\u00a0')
})
