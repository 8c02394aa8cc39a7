// Unit tests of what the page says and offers when the server closes the socket (src/lib/refusal.js)
// and of who is shown in the room (src/lib/presence.js): `npm test`.
import { test } from 'node:test'
import assert from 'node:assert'
import { readFileSync } from 'node:fs'
import { refusalFor } from '../src/lib/refusal.js'
import { personName, plausibleColour, presencePeople } from '../src/lib/presence.js'

test('each reason token has its message; 4400 and 4413 offer to discard, 4429 to reconnect', () => {
  const cases = [
    [4413, 'point-too-long', 'refused_point_too_long', true, true],
    [4413, 'group-full', 'refused_group_full', true, false],
    [4413, 'member-full', 'refused_member_full', true, false],
    [4413, 'frame-too-large', 'refused_frame_too_large', true, false],
    [4413, 'sockets', 'refused_sockets', false, true],
    [4400, 'schema', 'refused_schema', true, false],
    [4400, 'malformed', 'refused_malformed', true, false],
    [4429, 'rate', 'refused_rate', false, true],
    // Tokens this page does not know: what the code says.
    [4413, 'disk-on-fire', 'refused_too_large', true, false],
    [4400, '', 'refused_malformed', true, false],
    [4429, '', 'refused_rate', false, true]
  ]
  for (const [code, reason, message, discard, reconnect] of cases) {
    const refusal = refusalFor(code, reason)
    assert.strictEqual(refusal.message, message, `${code} ${reason}`)
    assert.strictEqual(refusal.discard, discard, `${code} ${reason}: discard`)
    assert.strictEqual(refusal.reconnect, reconnect, `${code} ${reason}: reconnect`)
  }
  // Editing goes on where the local changes still count: sent on reconnect, or shortened first.
  assert.strictEqual(refusalFor(4429, 'rate').keepEditing, true)
  assert.strictEqual(refusalFor(4413, 'point-too-long').keepEditing, true)
  assert.strictEqual(refusalFor(4400, 'schema').keepEditing, false)
  // Access lost and ordinary closes are no refusal of a change.
  assert.strictEqual(refusalFor(4403, 'access'), null)
  assert.strictEqual(refusalFor(4403, 'rate'), null)
  assert.strictEqual(refusalFor(1000, ''), null)
  assert.strictEqual(refusalFor(1009, ''), null)
})

test('every message key the page can show has a string in notes_strings()', () => {
  const views = readFileSync(new URL('../../breakouts/views.py', import.meta.url), 'utf8')
  const keys = new Set(['reconnect', 'discard_and_reload', 'discard_blocked', 'staff_name', 'text_cut',
    'length_count', 'too_long'])
  for (const code of [4400, 4413, 4429]) {
    for (const reason of ['', 'frame-too-large', 'point-too-long', 'group-full', 'member-full', 'sockets',
      'schema', 'malformed', 'rate', 'unknown']) keys.add(refusalFor(code, reason).message)
  }
  for (const key of keys) assert.match(views, new RegExp(`"${key}": _\\(`), `notes_strings() lacks ${key}`)
})

test('presence: staff marked, one entry per person, yourself first, only plain colours', () => {
  const states = new Map([
    [7, { user: { name: 'Bo Berg', colour: '#1a6b3c', staff: false }, editing: null }],
    [3, { user: { name: 'Anna Berg', colour: 'hsl(200 70% 35%)', staff: true }, editing: 'p1' }],
    [9, { user: { name: 'Bo Berg', colour: '#000', staff: false } }], // Bo's second window
    [5, { user: { name: 'Cecilia', colour: 'red;background:url(//evil)', staff: 'yes' } }],
    [6, { editing: 'p2' }], // no user (yet): not shown
    [8, null],
    [1, { user: { name: 'Du Själv', colour: 'var(--x)' } }]
  ])
  const supported = () => true // the browser's CSS.supports would answer; plausibleColour decides here
  const people = presencePeople(states, 1, (value) => plausibleColour(value) && supported(value), () => 'FALLBACK')
  assert.deepStrictEqual(people, [
    { name: 'Du Själv', colour: 'FALLBACK', staff: false, self: true },
    { name: 'Anna Berg', colour: 'hsl(200 70% 35%)', staff: true, self: false },
    { name: 'Bo Berg', colour: '#1a6b3c', staff: false, self: false },
    { name: 'Cecilia', colour: 'FALLBACK', staff: false, self: false }
  ])
  const t = (key, values) => (key === 'staff_name' ? `${values.name} (departementet)` : key)
  assert.strictEqual(personName({ name: 'Anna Berg', staff: true }, t), 'Anna Berg (departementet)')
  assert.strictEqual(personName({ name: 'Bo Berg', staff: 'true' }, t), 'Bo Berg')
})

test('plausible colours', () => {
  for (const good of ['#abc', '#A1B2C3', '#a1b2c3d4', 'rgb(1 2 3)', 'rgba(1, 2, 3, 0.5)', 'hsl(120 50% 40%)',
    'oklch(60% 0.1 200)', 'rebeccapurple', ' navy ']) assert.ok(plausibleColour(good), good)
  for (const bad of ['', 'var(--a)', 'url(x)', 'red;color:blue', 'inherit', 'currentColor', 'transparent',
    'expression(alert(1))', '#12', 'rgb(1,2,3)}', null, 12, { toString: () => 'red' }, 'a'.repeat(65)]) {
    assert.ok(!plausibleColour(bad), String(bad))
  }
})
