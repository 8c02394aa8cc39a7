// A minimal two-way binding between a plain <textarea> and a Y.Text.
//
// Local input: the textarea's new value is compared with the value it showed before (common prefix
// and suffix) and applied to the Y.Text as one delete + one insert inside a single transaction.
// Remote changes: the textarea gets the Y.Text's new value, and its selection is carried across the
// change by transforming selectionStart/End through the change's delta, so a caret never jumps
// when someone else types earlier in the same point.
//
// Local input is limited to what the server accepts (lib/limits.js): refused control characters
// are cleaned from what is typed, pasted or dropped, and nothing goes in beyond the maximum length.
// Remote text is shown whole, even when longer.

import { DEFAULT_MAX_POINT_CHARS, applyChange, caretAfter, cleanText, cutToFit, limitChange } from './limits.js'

/** Where a local edit differs: {index, remove, insert}; null when the two strings are equal. */
export function diffStrings (before, after) {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++
  // Never split a surrogate pair (an emoji typed next to another emoji).
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix)
  }
}

const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff

/** Carry one position of the old text through a Y.Text delta ([{retain}|{insert}|{delete}]).
 * Text inserted exactly at the position pushes it along unless `stay` is true (the start of a
 * selection that covers text: the selection does not grow to swallow someone else's insert). */
export function transformPosition (position, delta, stay = false) {
  let old = 0 // index in the old text
  let result = position
  for (const op of delta) {
    if (old > position) break
    if (op.retain !== undefined) {
      old += op.retain
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (old < position || (old === position && !stay)) result += length
    } else if (op.delete !== undefined) {
      if (old < position) result -= Math.min(op.delete, position - old)
      old += op.delete
    }
  }
  return Math.max(0, result)
}

/**
 * Bind `textarea` to `ytext`. Returns an object with unbind() and rebind(newText) (a point copied by
 * a move gets a new Y.Text; the same textarea keeps focus and caret).
 * `origin` marks local transactions so that observers can tell them from remote ones.
 * Options: `maxLength` (code units a point may hold), `onCut()` (called when typed or pasted text
 * was cut to fit), `onValue()` (called after every change of the textarea's value).
 */
export function bindTextarea (textarea, ytext, origin, options = {}) {
  const maxLength = options.maxLength || DEFAULT_MAX_POINT_CHARS
  const onCut = options.onCut || (() => {})
  const onValue = options.onValue || (() => {})
  let text = ytext
  let shown = text.toString()
  textarea.value = shown
  // The browser stops typing at the limit itself (and IMEs respect it); the checks below also
  // cover what maxlength lets through: drag and drop, script, a text that was already longer.
  textarea.maxLength = maxLength

  const onInput = () => {
    const now = textarea.value
    const typed = diffStrings(shown, now)
    if (typed === null) {
      shown = now
      return
    }
    const change = limitChange(shown, typed, maxLength)
    if (change.insert !== typed.insert) {
      // Put into the textarea what goes into the document, with the caret where it belongs.
      const focused = document.activeElement === textarea
      const start = caretAfter(textarea.selectionStart, typed, change)
      const end = caretAfter(textarea.selectionEnd, typed, change)
      textarea.value = applyChange(shown, change)
      if (focused) textarea.setSelectionRange(start, end)
      if (change.cut) onCut()
    }
    shown = textarea.value
    onValue()
    if (change.remove === 0 && change.insert.length === 0) return
    text.doc.transact(() => {
      if (change.remove > 0) text.delete(change.index, change.remove)
      if (change.insert.length > 0) text.insert(change.index, change.insert)
    }, origin)
  }

  // A paste that needs cleaning or cutting is inserted by us, so that the browser's own maxlength
  // cut (silent) does not come first: the person hears that the text was cut.
  const onPaste = (event) => {
    if (textarea.readOnly || !event.clipboardData) return
    const pasted = event.clipboardData.getData('text/plain')
    const selected = textarea.selectionEnd - textarea.selectionStart
    const clean = cleanText(pasted)
    const insert = cutToFit(clean, maxLength - (textarea.value.length - selected))
    if (insert === pasted) return
    event.preventDefault()
    if (insert.length > 0 || selected > 0) {
      // insertText keeps the browser's undo history; setRangeText is the fallback where it is gone.
      if (!document.execCommand('insertText', false, insert)) {
        textarea.setRangeText(insert, textarea.selectionStart, textarea.selectionEnd, 'end')
        textarea.dispatchEvent(new Event('input', { bubbles: true }))
      }
    }
    if (insert.length < clean.length) onCut()
  }

  const onRemote = (event, transaction) => {
    if (transaction.origin === origin && transaction.local) return
    const value = text.toString()
    if (value === textarea.value) {
      shown = value
      return
    }
    // 'input' fires on every keystroke, so the textarea never holds text the Y.Text lacks; should
    // it (an odd IME), that text is applied first rather than overwritten.
    if (textarea.value !== shown) {
      onInput()
      textarea.value = shown = text.toString()
      onValue()
      return
    }
    const focused = document.activeElement === textarea
    const collapsed = textarea.selectionStart === textarea.selectionEnd
    const start = transformPosition(textarea.selectionStart, event.delta, !collapsed)
    const end = transformPosition(textarea.selectionEnd, event.delta, false)
    const direction = textarea.selectionDirection
    shown = value
    textarea.value = value
    if (focused) textarea.setSelectionRange(start, end, direction)
    onValue()
  }

  textarea.addEventListener('input', onInput)
  textarea.addEventListener('paste', onPaste)
  text.observe(onRemote)

  return {
    rebind (newText) {
      if (newText === text) return
      text.unobserve(onRemote)
      text = newText
      const value = text.toString()
      if (value !== textarea.value) {
        const start = textarea.selectionStart
        const end = textarea.selectionEnd
        textarea.value = value
        if (document.activeElement === textarea) {
          textarea.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length))
        }
      }
      shown = value
      text.observe(onRemote)
      onValue()
    },
    unbind () {
      textarea.removeEventListener('input', onInput)
      textarea.removeEventListener('paste', onPaste)
      text.unobserve(onRemote)
    },
    get text () { return text }
  }
}
