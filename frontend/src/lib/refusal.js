// When the server closes the socket for good because of something this page sent.
//
// Close codes (docs/notes-protocol.md) are all ≥ 4400, so y-websocket stops reconnecting; the close
// reason is a short token saying why. A refused change stays in the local document and in this
// browser's IndexedDB copy, and y-websocket would send it again at every reconnect, so for 4400
// and 4413 the way on is to discard the unsent changes and reload. After 4429 (too fast) and
// "sockets" (too many windows) the changes are fine: they are kept and sent on reconnecting.
// 4403 (access lost) is not a refusal of a change and is handled as before by the page.

/**
 * What to tell and offer after a close: null when it is not a refusal, else
 * {message (string key), discard (offer "discard and reload"), reconnect (offer "reconnect"),
 *  keepEditing (local changes still count: editing may go on)}.
 */
export function refusalFor (code, reason) {
  if (code !== 4400 && code !== 4413 && code !== 4429) return null
  const discard = (message) => ({ message, discard: true, reconnect: false, keepEditing: false })
  const retry = (message) => ({ message, discard: false, reconnect: true, keepEditing: true })
  switch (reason) {
    case 'rate': return retry('refused_rate')
    case 'sockets': return retry('refused_sockets')
    // Shortening the point and sending again is a way on: the server takes the shorter text.
    case 'point-too-long': return { message: 'refused_point_too_long', discard: true, reconnect: true, keepEditing: true }
    case 'group-full': return discard('refused_group_full')
    case 'member-full': return discard('refused_member_full')
    case 'frame-too-large': return discard('refused_frame_too_large')
    case 'schema': return discard('refused_schema')
    case 'malformed': return discard('refused_malformed')
  }
  // A token this page does not know yet: say what the code says.
  if (code === 4429) return retry('refused_rate')
  return discard(code === 4413 ? 'refused_too_large' : 'refused_malformed')
}

const DISCARD_WAIT_MS = 5000

function deleteDatabase (name) {
  return new Promise((resolve, reject) => {
    const request = window.indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve(true)
    request.onerror = () => reject(request.error)
    // 'blocked': another window of this group still has the database open. It is asked to close
    // it (y-indexeddb does on versionchange) and the deletion goes on once it has.
  })
}

/**
 * The buttons under the status after a refusal, in `container` ([data-notes-actions]).
 * `reconnect()` resumes the connection; discarding clears this group's IndexedDB copy and reloads.
 */
export function refusalActions ({ container, statusNode, persistence, t, reconnect }) {
  const makeButton = (text, action) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = `notes__action notes__action--${action}`
    button.dataset.action = action
    button.textContent = text
    return button
  }

  async function discard (buttons) {
    for (const button of buttons) button.disabled = true
    try {
      // persistence.clearData() is destroy() plus a deletion it does not wait for; the reload
      // must come after the deletion, or the refused change would be loaded and sent again.
      await persistence.destroy()
      const timeout = new Promise((resolve) => setTimeout(resolve, DISCARD_WAIT_MS, false))
      if (await Promise.race([deleteDatabase(persistence.name), timeout])) {
        window.location.reload()
        return
      }
    } catch (error) {
      // Told below; the button can be pressed again.
    }
    statusNode.textContent = t('discard_blocked')
    for (const button of buttons) button.disabled = false
  }

  return {
    show (refusal) {
      const buttons = []
      if (refusal.reconnect) {
        const button = makeButton(t('reconnect'), 'reconnect')
        button.addEventListener('click', () => reconnect())
        buttons.push(button)
      }
      if (refusal.discard) {
        const button = makeButton(t('discard_and_reload'), 'discard')
        button.addEventListener('click', () => discard(buttons))
        buttons.push(button)
      }
      container.replaceChildren(...buttons)
      container.hidden = buttons.length === 0
    },
    hide () {
      container.replaceChildren()
      container.hidden = true
    }
  }
}
