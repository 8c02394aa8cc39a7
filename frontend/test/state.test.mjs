// Unit tests of the shared document's changes (src/lib/state.js), with real Yjs documents: `npm test`.
import { test } from 'node:test'
import assert from 'node:assert'
import * as Y from 'yjs'
import {
  LOCAL,
  addPoint,
  changedPoints,
  createNotesDoc,
  deletePoint,
  indexOf,
  isPoint,
  movePoint,
  moveTarget,
  setTakeaway
} from '../src/lib/state.js'

const summary = (points) => points.toArray().map((p) => `${p.get('question')}:${p.get('id')}:${p.get('text')}`)

function withPoints (...specs) {
  const { doc, points } = createNotesDoc()
  for (const [question, id, text = ''] of specs) {
    addPoint(points, question, id)
    points.get(points.length - 1).get('text').insert(0, text)
  }
  return { doc, points }
}

// Both documents receive each other's updates, as the server relays them.
function linked (a, b) {
  a.on('update', (update, origin) => { if (origin !== 'remote') Y.applyUpdate(b, update, 'remote') })
  b.on('update', (update, origin) => { if (origin !== 'remote') Y.applyUpdate(a, update, 'remote') })
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote')
}

test('a new point is empty, not a takeaway, under its question, marked as this page\'s change', () => {
  const { doc, points } = createNotesDoc()
  const origins = []
  doc.on('afterTransaction', (transaction) => origins.push(transaction.origin))
  const id = addPoint(points, 2)
  assert.match(id, /^[0-9a-f-]{36}$/)
  const point = points.get(0)
  assert.deepStrictEqual([point.get('id'), point.get('question'), point.get('text').toString(), point.get('takeaway')], [id, 2, '', false])
  assert.ok(isPoint(point))
  assert.deepStrictEqual(origins, [LOCAL])
  assert.notStrictEqual(addPoint(points, 2), id, 'each point gets its own id')
})

test('a point moves past points of other questions, and not beyond its question\'s ends', () => {
  const { points } = withPoints([1, 'a', 'A'], [2, 'x'], [1, 'b', 'B'], [1, 'c'])
  assert.strictEqual(moveTarget(points, 0, +1), 2)
  assert.strictEqual(moveTarget(points, 0, -1), -1)
  assert.strictEqual(moveTarget(points, 3, +1), -1)
  assert.strictEqual(moveTarget(points, 1, +1), -1, 'the only point of question 2')

  const a = points.get(0)
  assert.strictEqual(movePoint(points, a, +1), true)
  assert.deepStrictEqual(summary(points), ['2:x:', '1:b:B', '1:a:A', '1:c:'])
  assert.strictEqual(indexOf(points, a), -1, 'a move puts a copy in its place')
  assert.strictEqual(movePoint(points, a, +1), false, 'the old copy is gone')
  assert.strictEqual(movePoint(points, points.get(0), -1), false)
  assert.deepStrictEqual(summary(points), ['2:x:', '1:b:B', '1:a:A', '1:c:'])
})

test('a move keeps the takeaway mark and the text, and is one change for the others', () => {
  const { doc, points } = withPoints([1, 'a', 'Första'], [1, 'b', 'Andra'])
  setTakeaway(points.get(0), true)
  const other = new Y.Doc()
  linked(doc, other)
  let changes = 0
  other.on('afterTransaction', (transaction) => { if (transaction.origin === 'remote') changes++ })
  movePoint(points, points.get(0), +1)
  assert.strictEqual(changes, 1)
  const moved = other.getArray('points').get(1)
  assert.deepStrictEqual([moved.get('id'), moved.get('text').toString(), moved.get('takeaway')], ['a', 'Första', true])
})

test('deleting removes only that point; a point already gone is not deleted again', () => {
  const { points } = withPoints([1, 'a'], [1, 'b'])
  const b = points.get(1)
  assert.strictEqual(deletePoint(points, points.get(0)), true)
  assert.deepStrictEqual(summary(points), ['1:b:'])
  assert.strictEqual(deletePoint(points, b), true)
  assert.strictEqual(deletePoint(points, b), false)
  assert.strictEqual(points.length, 0)
})

test('entries that are not points (another client\'s junk) are not shown', () => {
  const { points } = createNotesDoc()
  const noText = new Y.Map()
  const stringText = new Y.Map()
  points.push(['a string', 42, noText, stringText])
  stringText.set('text', 'not a Y.Text')
  for (const entry of points.toArray()) assert.strictEqual(isPoint(entry), false)
})

test('remote changes are counted once per point: typing, adding, and each removal', () => {
  const { doc, points } = withPoints([1, 'a', 'Hej'], [1, 'b'])
  const other = new Y.Doc()
  linked(doc, other)
  const seen = []
  points.observeDeep((events, transaction) => { if (transaction.origin === 'remote') seen.push(changedPoints(events, points)) })
  const theirs = other.getArray('points')

  other.transact(() => {
    theirs.get(0).get('text').insert(3, ' alla')
    theirs.get(0).get('text').insert(0, '!')
    theirs.get(0).set('takeaway', true)
  })
  assert.deepStrictEqual([...new Set(seen.pop())], ['a'], 'text and mark of one point: one change')
  addPoint(theirs, 3, 'new')
  assert.deepStrictEqual(seen.pop(), ['new'])
  other.transact(() => theirs.delete(0, 2))
  const removed = seen.pop()
  assert.strictEqual(new Set(removed).size, 2, 'two removals are two changes')
  assert.strictEqual(points.get(0).get('text').toString(), '', 'the points were applied')
})
