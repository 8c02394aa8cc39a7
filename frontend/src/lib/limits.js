// What the server accepts in a point's text (docs/notes-protocol.md), applied in the browser before
// a change reaches the Y.Text. A change the server refuses closes the socket (4400 or 4413), and
// y-websocket would send the same change again at every reconnect, so the editor must never make
// one. Pure functions (no DOM, no imports): unit-tested under `node --test`.
//
// Lengths are UTF-16 code units, as Y.Text and String.prototype.length count them.

export const DEFAULT_MAX_POINT_CHARS = 5000

/** data-max-point-chars as a positive integer; the default when it is missing or nonsense. */
export function readMaxPointChars (value) {
  const number = Number(value)
  return Number.isSafeInteger(number) && number > 0 ? number : DEFAULT_MAX_POINT_CHARS
}

// Controls that mean "new line" in text pasted from elsewhere become one: Word's manual line break
// is a vertical tab, its page break a form feed; CR LF and lone CR come from other systems; NEL
// (U+0085) from old mainframe text. Every other control the server refuses is dropped: C0 except
// tab and line feed, DEL, and C1 (U+0080–U+009F).
const LINE_BREAKS = /\r\n|[\r\v\f\u0085]/g
// eslint-disable-next-line no-control-regex
const REFUSED_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** `text` with the server's refused control characters replaced (line breaks) or removed. */
export function cleanText (text) {
  return text.replace(LINE_BREAKS, '\n').replace(REFUSED_CONTROLS, '')
}

const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff

/** The longest start of `text` of at most `room` code units that does not end inside a surrogate
 * pair (half an emoji would be an unpaired surrogate in the shared document). */
export function cutToFit (text, room) {
  if (room <= 0) return ''
  if (text.length <= room) return text
  let end = room
  if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end--
  return text.slice(0, end)
}

/**
 * A local edit of `before` ({index, remove, insert}, from diffStrings) as the server will take it:
 * the inserted text cleaned of refused controls and cut so that the point stays within `max`.
 * Text already there is left alone: a longer text from elsewhere is shown whole, and can only
 * shrink. Returns the edit with `cleaned` (controls were changed) and `cut` (text was left out).
 */
export function limitChange (before, change, max) {
  const clean = cleanText(change.insert)
  const room = max - (before.length - change.remove)
  const insert = cutToFit(clean, room)
  return {
    index: change.index,
    remove: change.remove,
    insert,
    cleaned: clean !== change.insert,
    cut: insert.length < clean.length
  }
}

/** The text `before` with a change applied. */
export function applyChange (before, change) {
  return before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove)
}

/**
 * Where a caret at `position` of the text as the browser edited it (with `raw`, the edit as typed
 * or pasted) belongs once the edit has been limited to `limited`: after the inserted text if it
 * was after it, as far into the kept text as it was into the typed one if it was inside.
 */
export function caretAfter (position, raw, limited) {
  const start = raw.index
  const end = start + raw.insert.length
  if (position <= start) return position
  if (position >= end) return position - raw.insert.length + limited.insert.length
  return start + Math.min(limited.insert.length, cleanText(raw.insert.slice(0, position - start)).length)
}

/** Whether to show a point's character count: 'over' the limit, 'near' it (the last tenth), or ''. */
export function lengthState (length, max) {
  if (length > max) return 'over'
  if (length >= Math.floor(max * 0.9)) return 'near'
  return ''
}
