// A point's textarea as it looks: it grows with its text, and shows a character count near and
// over the maximum length.
//
// Growing: a fixed-height textarea shows a long point only in part behind an inner scroll bar,
// which on a phone is most of it (issue 16). CSS `field-sizing: content` (notes.css) does it where
// supported; elsewhere the height is set from scrollHeight whenever the value or the width changes.

import { element, formatNumber } from './common.js'
import { lengthState } from './limits.js'

const nativeGrowth = typeof CSS !== 'undefined' && CSS.supports && CSS.supports('field-sizing', 'content')

// One observer for all fallback textareas: the width changes with the window and the phone's
// orientation, and the wrapped text's height with it. The first observation sizes a new textarea
// once it is laid out (before that its scrollHeight is 0).
const widths = new WeakMap()
const observer = !nativeGrowth && typeof ResizeObserver !== 'undefined'
  ? new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (widths.get(target) === target.clientWidth) continue
      widths.set(target, target.clientWidth)
      fitHeight(target)
    }
  })
  : null

function fitHeight (textarea) {
  if (!textarea.isConnected) return
  // Measuring needs the height let go for a moment; the page's scroll position is kept, so that
  // the document shrinking for that moment does not move what the person is looking at. Nothing is
  // painted in between, so nothing jumps.
  const scrollX = window.scrollX
  const scrollY = window.scrollY
  const style = window.getComputedStyle(textarea)
  const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)
  textarea.style.height = 'auto'
  textarea.style.height = `${textarea.scrollHeight + borders}px`
  if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY)
}

/**
 * Growth and a character count for a point's textarea. Returns {counter, refresh, dispose}:
 * `counter` goes into the page after the textarea; refresh() after every change of its value.
 */
export function pointField (textarea, { max, t }) {
  const counter = element('p', { class: 'note-point__count', id: `${textarea.id}-count`, hidden: true })
  if (observer) {
    textarea.style.overflowY = 'hidden' // no scroll bar flashing up before the height follows
    observer.observe(textarea)
  }

  let shownState = null
  function refresh () {
    if (observer) fitHeight(textarea)
    const length = textarea.value.length
    const state = lengthState(length, max)
    if (state) {
      const text = t(state === 'over' ? 'too_long' : 'length_count', { count: formatNumber(length), max: formatNumber(max) })
      if (counter.textContent !== text) counter.textContent = text
    }
    if (state === shownState) return
    shownState = state
    counter.hidden = !state
    counter.classList.toggle('note-point__count--over', state === 'over')
    // Read with the field once it matters: "4 600 of 5 000 characters".
    if (state) textarea.setAttribute('aria-describedby', counter.id)
    else textarea.removeAttribute('aria-describedby')
    if (state === 'over') textarea.setAttribute('aria-invalid', 'true')
    else textarea.removeAttribute('aria-invalid')
  }

  return {
    counter,
    refresh,
    dispose () { if (observer) observer.unobserve(textarea) }
  }
}
