// The group's shared document and every change this page makes to it.
//
// Schema (docs/notes-protocol.md): the root Y.Array "points" holds one Y.Map per point,
// {id: string, question: integer, text: Y.Text, takeaway: boolean}. Array order is display order.
// Every change goes in one transaction marked LOCAL, so that observers can tell this page's own
// changes from the server's and from what IndexedDB loads.

import * as Y from 'yjs'

export const LOCAL = Symbol('sakrad-notes-local')

export function createNotesDoc () {
  const doc = new Y.Doc()
  return { doc, points: doc.getArray('points') }
}

/** Whether an entry of "points" can be shown: anything else (an older client's, a broken one) is left out. */
export function isPoint (value) {
  return value instanceof Y.Map && value.get('text') instanceof Y.Text
}

export function indexOf (points, ymap) {
  for (let i = 0; i < points.length; i++) if (points.get(i) === ymap) return i
  return -1
}

/** Where the point at `from` goes one step up (-1) or down (+1) among its question's points; -1 at an end. */
export function moveTarget (points, from, direction) {
  const question = points.get(from).get('question')
  let to = from + direction
  while (to >= 0 && to < points.length && points.get(to).get('question') !== question) to += direction
  return to < 0 || to >= points.length ? -1 : to
}

// A Yjs type cannot be moved: a move is a copy at the new place, which the other pages
// see as the same point because the id is the same.
function copyPoint (ymap) {
  const copy = new Y.Map()
  copy.set('id', ymap.get('id'))
  copy.set('question', ymap.get('question'))
  copy.set('text', new Y.Text(ymap.get('text').toString()))
  copy.set('takeaway', ymap.get('takeaway') === true)
  return copy
}

/** Move a point one step within its question; false when it is not there or already at the end. */
export function movePoint (points, ymap, direction) {
  const from = indexOf(points, ymap)
  if (from < 0) return false
  const to = moveTarget(points, from, direction)
  if (to < 0) return false
  // Delete and insert in one transaction, so no one ever sees the point missing or twice.
  points.doc.transact(() => {
    const copy = copyPoint(ymap)
    points.delete(from, 1)
    points.insert(to, [copy])
  }, LOCAL)
  return true
}

export function newPointId () {
  return (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

/** Append an empty point under `question`; returns its id. */
export function addPoint (points, question, id = newPointId()) {
  const ymap = new Y.Map()
  points.doc.transact(() => {
    ymap.set('id', id)
    ymap.set('question', question)
    ymap.set('text', new Y.Text())
    ymap.set('takeaway', false)
    points.push([ymap])
  }, LOCAL)
  return id
}

export function deletePoint (points, ymap) {
  const index = indexOf(points, ymap)
  if (index < 0) return false
  points.doc.transact(() => points.delete(index, 1), LOCAL)
  return true
}

export function setTakeaway (ymap, value) {
  ymap.doc.transact(() => ymap.set('takeaway', value), LOCAL)
}

/**
 * One token per point that `events` (of points.observeDeep) changed: the point's id for an edit
 * or an added point, a new unique token for each removal (a removed point's id is gone with it).
 */
export function changedPoints (events, points) {
  const tokens = []
  for (const event of events) {
    if (event.target === points) {
      event.changes.added.forEach((item) => {
        const map = item.content.getContent()[0]
        tokens.push(map instanceof Y.Map ? map.get('id') : Symbol('added'))
      })
      event.changes.deleted.forEach(() => tokens.push(Symbol('removed')))
    } else {
      let node = event.target
      while (node && !(node instanceof Y.Map)) node = node.parent
      if (node) tokens.push(node.get('id'))
    }
  }
  return tokens
}
