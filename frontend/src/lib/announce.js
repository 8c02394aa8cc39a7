// The page's live region ([data-notes-announcer]): what a screen reader hears. Other people's
// changes are counted and told in one sentence every few seconds, never one by one as they type.

export const ANNOUNCE_EVERY_MS = 5000

/** The sentence for `count` points changed by others since the last one; null for none. */
export function changesMessage (count, t) {
  if (count === 0) return null
  return count === 1 ? t('changed_one') : t('changed_many', { count })
}

/** The live region's next text: the same words again are no change to it, a no-break space makes them one. */
export function repeatable (current, text) {
  return current === text ? `${text}\u00a0` : text
}

export class Announcer {
  constructor (node, t) {
    this.node = node
    this.t = t
    this.changed = new Set()
  }

  say (text) {
    this.node.textContent = text
  }

  sayAgain (text) {
    this.node.textContent = repeatable(this.node.textContent, text)
  }

  /** Note points changed by others (state.js: changedPoints); told by the next flush(). */
  count (tokens) {
    for (const token of tokens) this.changed.add(token)
  }

  flush () {
    const message = changesMessage(this.changed.size, this.t)
    this.changed.clear()
    if (message) this.node.textContent = message
  }

  every (ms = ANNOUNCE_EVERY_MS) {
    setInterval(() => this.flush(), ms)
  }
}
