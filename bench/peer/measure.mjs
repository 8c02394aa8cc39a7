// What the load client measures, kept apart from how it connects: the same method as
// bench/notes_load.py and bench/client.py. A typist's keystroke appends "<time_ns>" to its own
// point's text; every peer that integrates the update reads the stamps off the text event and
// records now minus stamp. All clients live in one process, so one clock serves both ends.

import * as Y from 'yjs'

export const STAMP = /<(\d{19})>/g
const PERCENTILES = { p50: 0.5, p95: 0.95, p99: 0.99, max: 1.0 }

// Nanoseconds since the epoch, from a monotonic clock: 19 digits, as Python's time.time_ns().
const EPOCH_OFFSET = BigInt(Date.now()) * 1000000n - process.hrtime.bigint()
export const nowNs = () => EPOCH_OFFSET + process.hrtime.bigint()

export class Stats {
  constructor () {
    this.window = [0n, 0n] // stamps sent between these count; [0, 0] before the window opens
    this.propagation = [] // ns as Numbers, one per (edit, peer), in order of arrival
    this.sent = 0 // keystrokes sent inside the window
    this.closed = 0 // sockets the server closed (or the network lost) during the run
  }

  inWindow (stamp) {
    return this.window[0] <= stamp && stamp <= this.window[1]
  }

  /** Record the stamps a remote transaction brought into one text. */
  textEvent (event, now) {
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue
      for (const match of op.insert.matchAll(STAMP)) {
        const stamp = BigInt(match[1])
        if (this.inWindow(stamp)) this.propagation.push(Number(now - stamp))
      }
    }
  }
}

export function percentiles (values) {
  const ordered = Float64Array.from(values).sort()
  const result = { count: ordered.length }
  for (const [name, share] of Object.entries(PERCENTILES)) {
    const value = ordered.length ? ordered[Math.min(ordered.length - 1, Math.floor(share * ordered.length))] : null
    result[name] = value === null ? null : Math.round(value / 1e5) / 10 // ns -> ms, one decimal
  }
  return result
}

/** The document's state vector in a comparable form (the encoding lists clients in no fixed order). */
function stateKey (doc) {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    .sort((a, b) => a[0] - b[0]).map(([client, clock]) => `${client}:${clock}`).join(',')
}

/** Groups whose clients all hold the same state: the run was correct, not only fast. */
export function convergedGroups (groups) {
  let converged = 0
  for (const group of groups) {
    if (new Set(group.clients.map((client) => stateKey(client.doc))).size === 1) converged++
  }
  return converged
}

/** A small seeded generator (mulberry32), so a run's keystroke times can be repeated. */
export function random (seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
