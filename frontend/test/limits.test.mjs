// Unit tests of what the editor lets into a point's text (src/lib/limits.js): `npm test`.
import { test } from 'node:test'
import assert from 'node:assert'
import { diffStrings } from '../src/lib/textarea-binding.js'
import {
  DEFAULT_MAX_POINT_CHARS,
  applyChange,
  caretAfter,
  cleanText,
  cutToFit,
  lengthState,
  limitChange,
  readMaxPointChars
} from '../src/lib/limits.js'

test('control characters the server refuses are removed, line-like ones become line breaks', () => {
  assert.strictEqual(cleanText('a\u0000b'), 'ab')
  // Word: vertical tab is a manual line break, form feed a page break.
  assert.strictEqual(cleanText('Rad ett\vRad två\fRad tre'), 'Rad ett\nRad två\nRad tre')
  assert.strictEqual(cleanText('one\r\ntwo\rthree\u0085four'), 'one\ntwo\nthree\nfour')
  // Tab and line feed stay; every other C0, DEL and C1 goes.
  assert.strictEqual(cleanText('\ta\nb'), '\ta\nb')
  let all = ''
  for (let code = 0; code <= 0x9f; code++) if (code < 0x20 || code >= 0x7f) all += String.fromCharCode(code)
  assert.strictEqual(cleanText(all), '\t\n\n\n\n\n') // tab, LF, and VT, FF, CR, NEL as line breaks
  assert.doesNotMatch(cleanText(all + 'x'), /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  // Everything else is text: accents, emoji, non-breaking space, U+00A0 just above C1.
  assert.strictEqual(cleanText('Åsa 😀\u00a0ok'), 'Åsa 😀\u00a0ok')
})

test('cutting to a length never splits a surrogate pair', () => {
  assert.strictEqual(cutToFit('abcdef', 3), 'abc')
  assert.strictEqual(cutToFit('abc', 3), 'abc')
  assert.strictEqual(cutToFit('abc', 0), '')
  assert.strictEqual(cutToFit('abc', -4), '')
  // '😀' is two code units: a cut through it leaves it out whole.
  assert.strictEqual(cutToFit('ab😀', 3), 'ab')
  assert.strictEqual(cutToFit('ab😀', 4), 'ab😀')
  assert.strictEqual(cutToFit('😀😀', 3), '😀')
  for (let room = 0; room < 10; room++) {
    const cut = cutToFit('😀a😀😀b', room)
    assert.ok(cut.length <= room)
    assert.ok(!/[\ud800-\udbff]$/.test(cut), `room ${room} left half an emoji: ${JSON.stringify(cut)}`)
  }
})

test('a local change is limited to the maximum length, counting what stays', () => {
  // Typing into a full point: nothing goes in.
  assert.deepStrictEqual(limitChange('abcde', { index: 5, remove: 0, insert: 'f' }, 5),
    { index: 5, remove: 0, insert: '', cleaned: false, cut: true })
  // A paste replacing a selection has the selection's room too.
  assert.deepStrictEqual(limitChange('abcde', { index: 1, remove: 2, insert: 'XYZW' }, 5),
    { index: 1, remove: 2, insert: 'XY', cleaned: false, cut: true })
  // Cleaning comes before cutting: the removed NUL does not take room.
  assert.deepStrictEqual(limitChange('ab', { index: 2, remove: 0, insert: '\u0000cd' }, 4),
    { index: 2, remove: 0, insert: 'cd', cleaned: true, cut: false })
  // A text already longer (from elsewhere) may only shrink.
  assert.deepStrictEqual(limitChange('abcdefg', { index: 0, remove: 1, insert: 'xy' }, 5),
    { index: 0, remove: 1, insert: '', cleaned: false, cut: true })
  assert.deepStrictEqual(limitChange('abcdefg', { index: 0, remove: 3, insert: '' }, 5),
    { index: 0, remove: 3, insert: '', cleaned: false, cut: false })
  // Half an emoji never goes in.
  assert.strictEqual(limitChange('abc', { index: 3, remove: 0, insert: '😀' }, 4).insert, '')
})

test('the textarea gets the limited text, with the caret after what went in', () => {
  const before = 'Hej  där'
  const after = 'Hej \u0000du\v där'
  const typed = diffStrings(before, after)
  const limited = limitChange(before, typed, 100)
  assert.strictEqual(applyChange(before, limited), 'Hej du\n där')
  // The caret was after the pasted text; it stays after what is left of it.
  assert.strictEqual(caretAfter('Hej \u0000du\v'.length, typed, limited), 'Hej du\n'.length)
  // Before the change: unchanged. After it: moved by what was left out.
  assert.strictEqual(caretAfter(2, typed, limited), 2)
  assert.strictEqual(caretAfter(after.length, typed, limited), 'Hej du\n där'.length)
  // Inside the pasted text: as far into the kept text as it was, never past it.
  assert.strictEqual(caretAfter('Hej \u0000d'.length, typed, limited), 'Hej d'.length)
  const cut = limitChange('ab', { index: 2, remove: 0, insert: 'cdef' }, 3)
  assert.strictEqual(caretAfter(6, { index: 2, remove: 0, insert: 'cdef' }, cut), 3)
})

test('the maximum comes from data-max-point-chars, else the default', () => {
  assert.strictEqual(readMaxPointChars('1200'), 1200)
  assert.strictEqual(readMaxPointChars(undefined), DEFAULT_MAX_POINT_CHARS)
  assert.strictEqual(readMaxPointChars(''), DEFAULT_MAX_POINT_CHARS)
  assert.strictEqual(readMaxPointChars('0'), DEFAULT_MAX_POINT_CHARS)
  assert.strictEqual(readMaxPointChars('-5'), DEFAULT_MAX_POINT_CHARS)
  assert.strictEqual(readMaxPointChars('12.5'), DEFAULT_MAX_POINT_CHARS)
  assert.strictEqual(readMaxPointChars('many'), DEFAULT_MAX_POINT_CHARS)
})

test('the character count shows in the last tenth and over the limit', () => {
  assert.strictEqual(lengthState(0, 5000), '')
  assert.strictEqual(lengthState(4499, 5000), '')
  assert.strictEqual(lengthState(4500, 5000), 'near')
  assert.strictEqual(lengthState(5000, 5000), 'near')
  assert.strictEqual(lengthState(5001, 5000), 'over')
})
