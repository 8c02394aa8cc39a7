// The live-notes load as browsers make it: N groups x M clients, each a Yjs document on its own
// y-websocket provider with awareness on (as frontend/src/notes.js opens them), K of each group
// typing at R keystrokes/s. Run by bench/side_by_side.py, which starts the server and reads this
// process's stdout: one JSON object a line, events first (so it can read CPU and memory at the right
// moments), the report last. Progress goes to stderr.
//
//   node bench/peer/load.mjs run.json
//
// run.json: {server: "sakrad" | "hocuspocus", urls: [...], origin, groups: [{room, members: [...], wall}],
// clients, typists, rate, warmup, duration, drain, settle, seed, wall}. For Sakråd, urls end in
// /ws/notes, rooms are group ids and members are Cookie headers; for Hocuspocus members are tokens.
// With `wall`, each group also has the plenary wall's client (`wall`: a staff session in Sakråd,
// read-only, as frontend/src/plenary.js opens one socket per group), and each typist flags its point
// as a takeaway and back every WALL_FLAG_SECONDS: the time from a flag to the wall is measured apart.

import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { ServerSignals, hocuspocusSocket, sakradHandlers, sakradSocket } from './adapters.mjs'
import { Stats, convergedGroups, nowNs, percentiles, random } from './measure.mjs'

const LOCAL = Symbol('bench-local') // this client's own transactions, as frontend/src/lib/state.js marks them
const CONNECT_CONCURRENCY = 20 // sockets opened at once: a crowd arriving, not one burst of 500
const SYNC_TIMEOUT_MS = 60000
const WALL_FLAG_SECONDS = 5 // a typist flags (or unflags) its point as a takeaway this often
// As the group page sets them (frontend/src/lib/common.js, connection.js).
const PROVIDER_OPTIONS = { maxBackoffTime: 10000, resyncInterval: 15000, disableBc: true }

// y-websocket's resync timer reads the global WebSocket's constants; Node 20 has none.
globalThis.WebSocket ??= WebSocket
// Every provider listens for the process's exit (to say goodbye in its awareness).
process.setMaxListeners(0)

const emit = (event, fields = {}) => process.stdout.write(JSON.stringify({ event, ...fields }) + '\n')
const say = (message) => process.stderr.write(`[peer] ${message}\n`)

class Client {
  constructor ({ config, url, room, member, name, stats, signals, flags = null }) {
    this.stats = stats
    this.doc = new Y.Doc()
    this.points = this.doc.getArray('points')
    const WebSocketPolyfill = config.server === 'sakrad'
      ? sakradSocket({ cookie: member, origin: config.origin })
      : hocuspocusSocket({ documentName: room, token: member, signals })
    this.provider = new WebsocketProvider(url, room, this.doc, { ...PROVIDER_OPTIONS, connect: false, WebSocketPolyfill })
    if (config.server === 'sakrad') sakradHandlers(this.provider, signals)
    if (flags) this.readOnly()
    else this.provider.awareness.setLocalStateField('user', { name, colour: 'hsl(200 70% 35%)', staff: false })
    this.closing = false
    this.provider.on('connection-close', (event) => { if (event && !this.closing) stats.closed++ })
    this.points.observeDeep((events, transaction) => {
      if (transaction.origin !== this.provider) return // our own keystrokes, not a peer's
      const now = nowNs()
      for (const event of events) {
        if (event instanceof Y.YTextEvent) stats.textEvent(event, now)
        else if (flags && event instanceof Y.YMapEvent && event.keysChanged.has('takeaway')) flags.seen(event.target, now)
      }
    })
  }

  /** As the wall's page (frontend/src/plenary.js): no presence, sync messages read but never answered. */
  readOnly () {
    this.provider.awareness.setLocalState(null)
    this.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced) => {
      const kind = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), provider.doc, provider)
      if (emitSynced && kind === syncProtocol.messageYjsSyncStep2 && !provider.synced) provider.synced = true
    }
  }

  connect () {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync within ${SYNC_TIMEOUT_MS} ms: ${this.provider.url}`)), SYNC_TIMEOUT_MS)
      this.provider.once('sync', () => { clearTimeout(timer); resolve() })
      this.provider.connect()
    })
  }

  get compressed () {
    const ws = this.provider.ws
    return Boolean(ws && String(ws.extensions || '').includes('permessage-deflate'))
  }

  addPoint (id, question) {
    this.doc.transact(() => {
      const point = new Y.Map()
      point.set('id', id)
      point.set('question', question)
      point.set('text', new Y.Text())
      point.set('takeaway', false)
      this.points.push([point])
    }, LOCAL)
  }

  point (id) {
    return this.points.toArray().find((point) => point.get('id') === id)
  }

  /** One keystroke: one update, carrying its send time (the textarea binding sends one per input). */
  keystroke (text) {
    const stamp = nowNs()
    this.doc.transact(() => text.insert(text.length, `<${stamp}>`), LOCAL)
    if (this.stats.inWindow(stamp)) this.stats.sent++
  }

  close () {
    this.closing = true
    this.provider.destroy()
  }
}

/** The takeaway flags in flight: sent by a typist, awaited by the wall of its group (one process). */
class Flags {
  constructor (stats) {
    this.stats = stats
    this.sent = new Map() // point id -> [stamp, value]
    this.latency = []
    this.unmatched = 0
  }

  flag (client, id, value) {
    const stamp = nowNs()
    this.sent.set(id, [stamp, value])
    client.doc.transact(() => client.point(id).set('takeaway', value), LOCAL)
  }

  seen (point, now) {
    const pending = this.sent.get(point.get('id'))
    if (!pending || pending[1] !== point.get('takeaway')) { this.unmatched++; return }
    this.sent.delete(point.get('id'))
    if (this.stats.inWindow(pending[0])) this.latency.push(Number(now - pending[0]))
  }
}

function buildGroups (config, stats, signals, flags) {
  return config.groups.map((spec, number) => ({
    room: spec.room,
    wall: config.wall
      ? new Client({ config, url: config.urls[number % config.urls.length], room: spec.room, member: spec.wall, name: `Wall ${number}`, stats: new Stats(), signals, flags })
      : null,
    clients: spec.members.slice(0, config.clients).map((member, index) => new Client({
      config,
      // Each group spread over the servers' addresses, as a load balancer would.
      url: config.urls[(number + index) % config.urls.length],
      room: spec.room,
      member,
      name: `Bench ${number}-${index}`,
      stats,
      signals
    }))
  }))
}

/** One socket per address, opened and closed: what a first connection loads once (imports, the
 * database connection) is not memory per connection. */
async function warmUp (config) {
  const spec = config.groups[0]
  for (const url of config.urls) {
    const client = new Client({ config, url, room: spec.room, member: spec.members[0], name: 'warm-up', stats: new Stats(), signals: new ServerSignals() })
    await client.connect()
    client.close()
  }
  await sleep(500)
}

async function connectAll (groups) {
  const clients = groups.flatMap((group) => group.wall ? [...group.clients, group.wall] : group.clients)
  let next = 0
  const worker = async () => {
    while (next < clients.length) await clients[next++].connect()
  }
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, clients.length) }, worker))
}

const pointId = (group, index) => `bench-${group.room}-${index}`

async function typist (client, text, rate, until, rng, flagging) {
  let due = performance.now() + rng() * 1000 / rate
  let flagDue = performance.now() + rng() * WALL_FLAG_SECONDS * 1000
  let flagged = false
  while (due < until) {
    await sleep(Math.max(0, due - performance.now()))
    if (flagging && performance.now() >= flagDue) {
      flagged = !flagged
      flagging(flagged)
      flagDue += WALL_FLAG_SECONDS * 1000
    }
    client.keystroke(text)
    // A late loop skips, never bursts.
    due = Math.max(due + (0.5 + rng()) * 1000 / rate, performance.now())
  }
}

async function settle (groups, seconds) {
  const started = performance.now()
  while (convergedGroups(groups) < groups.length && performance.now() - started < seconds * 1000) await sleep(500)
  const done = convergedGroups(groups)
  return {
    converged_at_end: `${done}/${groups.length}`,
    seconds_to_converge: done === groups.length ? Math.round((performance.now() - started) / 100) / 10 : null
  }
}

async function run (config) {
  const stats = new Stats()
  const signals = new ServerSignals()
  const flags = new Flags(stats)
  const groups = buildGroups(config, stats, signals, flags)
  const sockets = groups.reduce((sum, group) => sum + group.clients.length + (group.wall ? 1 : 0), 0)
  await warmUp(config)
  emit('idle')
  await sleep(300) // the harness reads the server's memory before any socket of the run
  say(`${config.server}: connecting ${sockets} sockets`)
  const started = performance.now()
  await connectAll(groups)
  const connectSeconds = (performance.now() - started) / 1000
  const typing = []
  for (const group of groups) {
    group.clients.slice(0, config.typists).forEach((client, index) => {
      client.addPoint(pointId(group, index), 1 + index % 3)
      // The page says who writes where once a textarea has the focus.
      client.provider.awareness.setLocalStateField('editing', pointId(group, index))
      typing.push({ client, group, index })
    })
  }
  await sleep(2000) // peers receive the new points before the keystrokes into them
  emit('connected', { sockets })
  say(`${config.server}: ${sockets} sockets in ${connectSeconds.toFixed(1)} s; typing`)

  const seeds = random(config.seed)
  const until = performance.now() + (config.warmup + config.duration) * 1000
  const tasks = typing.map(({ client, group, index }) => {
    const id = pointId(group, index)
    const text = client.point(id).get('text')
    const flagging = group.wall ? (value) => flags.flag(client, id, value) : null
    return typist(client, text, config.rate, until, random(Math.floor(seeds() * 2 ** 32)), flagging)
  })
  await sleep(config.warmup * 1000)
  const opened = nowNs()
  stats.window = [opened, opened + BigInt(Math.round(config.duration * 1e9))]
  emit('window_open')
  await Promise.all(tasks)
  await sleep(Math.max(0, until - performance.now())) // with no typists: idle sockets for the duration
  emit('window_closed')
  await sleep(config.drain * 1000)

  const expected = stats.sent * (config.clients - 1)
  const atDrain = stats.propagation.length
  const report = {
    server: config.server,
    sockets,
    connect_seconds: Math.round(connectSeconds * 100) / 100,
    updates_sent: stats.sent,
    updates_sent_per_s: Math.round(stats.sent / config.duration * 10) / 10,
    deliveries_expected: expected,
    deliveries_per_s: Math.round(atDrain / config.duration * 10) / 10,
    propagation_ms: percentiles(stats.propagation),
    missing_after_drain: expected - atDrain,
    converged_after_drain: `${convergedGroups(groups)}/${groups.length}`
  }
  say(`${config.server}: typing done; waiting up to ${config.settle} s for every group to converge`)
  Object.assign(report, await settle(groups, config.settle))
  Object.assign(report, {
    // Late deliveries too: what a slow server delivered in the end.
    propagation_ms_with_late: percentiles(stats.propagation),
    missing_after_settle: expected - stats.propagation.length,
    sockets_closed_by_server: stats.closed,
    read_only_notices: signals.readOnly,
    refusals: Object.fromEntries(signals.refusals),
    permessage_deflate: groups.every((group) => group.clients.every((client) => client.compressed)),
    // Awareness works end to end when every client sees every other one of its group.
    awareness_peers_seen_min: Math.min(...groups.flatMap((group) =>
      group.clients.map((client) => client.provider.awareness.getStates().size - 1)))
  })
  if (config.wall) report.takeaway_to_wall_ms = { ...percentiles(flags.latency), unmatched: flags.unmatched, still_missing: flags.sent.size }
  for (const group of groups) for (const client of group.wall ? [...group.clients, group.wall] : group.clients) client.close()
  emit('report', { report })
}

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'))
run(config).then(
  () => setTimeout(() => process.exit(0), 200), // the providers' timers would keep the process alive
  (error) => { say(error.stack || String(error)); process.exit(1) }
)
