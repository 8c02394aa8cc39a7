// Unit tests of what the group page shows of the points (src/lib/view-model.js): `npm test`.
import { test } from 'node:test'
import assert from 'node:assert'
import {
  editorsByPoint,
  editorsText,
  focusAfterDelete,
  focusControl,
  groupPoints,
  pointRow,
  roleOf,
  siblings
} from '../src/lib/view-model.js'

const t = (key, values = {}) => `${key}${JSON.stringify(values)}`
const point = (id, question) => new Map([['id', id], ['question', question], ['text', 'T']])
const isPoint = (value) => value instanceof Map && value.get('text') === 'T'

test('points are grouped by question in array order; copies of one point get keys of their own', () => {
  const list = [point('a', 1), point('b', 2), 'junk', point('c', '1'), point('a', 1), point('a', 2)]
  const grouped = groupPoints(list, isPoint)
  assert.deepStrictEqual([...grouped.keys()], [1, 2])
  assert.deepStrictEqual(grouped.get(1).map((entry) => entry.key), ['a', 'c', 'a#1'])
  assert.deepStrictEqual(grouped.get(2).map((entry) => entry.key), ['b', 'a#2'])
  assert.strictEqual(grouped.get(1)[2].ymap, list[4])
  assert.strictEqual(groupPoints([], isPoint).size, 0)
})

test('a point is named by its place; the first cannot move up, the last not down', () => {
  assert.deepStrictEqual(pointRow(0, 3, 2, t), { name: 'point_label{"n":1,"q":2}', first: true, last: false })
  assert.deepStrictEqual(pointRow(2, 3, 2, t), { name: 'point_label{"n":3,"q":2}', first: false, last: true })
  const only = pointRow(0, 1, 1, t)
  assert.deepStrictEqual([only.first, only.last], [true, true])
})

test('who is writing where: others only, one name per person, nothing for states without a point', () => {
  const states = new Map([
    [1, { user: { name: 'Me' }, editing: 'a' }],
    [2, { user: { name: 'Anna' }, editing: 'a' }],
    [3, { user: { name: 'Anna' }, editing: 'a' }],
    [4, { user: { name: 'Bo' }, editing: 'b' }],
    [5, { user: { name: 'Cecilia' }, editing: null }],
    [6, { editing: 'a' }],
    [7, null]
  ])
  const byPoint = editorsByPoint(states, 1, (user) => user.name.toUpperCase())
  assert.deepStrictEqual([...byPoint.keys()], ['a', 'b'])
  assert.deepStrictEqual([...byPoint.get('a')], ['ANNA'])
  assert.strictEqual(editorsText(byPoint.get('b'), t), 'writing_here{"names":"BO"}')
  assert.strictEqual(editorsText(undefined, t), '')
})

test('focus returns to the same control after a move, or to the other move button at an end', () => {
  const ends = { upDisabled: true, downDisabled: false }
  assert.strictEqual(focusControl('up', ends), 'down')
  assert.strictEqual(focusControl('down', ends), 'down')
  assert.strictEqual(focusControl('down', { upDisabled: false, downDisabled: true }), 'up')
  assert.strictEqual(focusControl('takeaway', ends), 'checkbox')
  assert.strictEqual(focusControl('delete', ends), 'remove')
  assert.strictEqual(focusControl('text', ends), 'textarea')
  const checkbox = { dataset: {} }
  assert.strictEqual(roleOf({ dataset: { action: 'up' } }, { checkbox }), 'up')
  assert.strictEqual(roleOf(checkbox, { checkbox }), 'takeaway')
  assert.strictEqual(roleOf({ dataset: {} }, { checkbox }), 'text')
})

test('after a delete, focus goes to the point that took its place, else the one before, else nowhere', () => {
  const views = [{ question: 1, index: 1 }, { question: 2, index: 0 }, { question: 1, index: 0 }]
  const remaining = siblings(views, 1)
  assert.deepStrictEqual(remaining, [views[2], views[0]])
  assert.strictEqual(focusAfterDelete(remaining, 1), views[0])
  assert.strictEqual(focusAfterDelete(remaining, 2), views[0], 'the last one was deleted')
  assert.strictEqual(focusAfterDelete(siblings(views, 3), 0), null)
})
