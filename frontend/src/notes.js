// The group page: a breakout group's notes, written together live.
//
// Document schema (docs/notes-protocol.md): the root Y.Array "points" holds one Y.Map per point,
// {id: string, question: integer, text: Y.Text, takeaway: boolean}. Array order is display order.
//
// The page is rendered by the server (breakouts/views.py) as a read-only list of the last stored
// points; this script takes over once the document has loaded (from IndexedDB or the server).

import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as decoding from 'lib0/decoding'
import { bindTextarea } from './lib/textarea-binding.js'
import {
  MAX_BACKOFF_MS,
  RESYNC_MS,
  colourFor,
  element,
  format,
  formatNumber,
  readStrings,
  websocketTarget
} from './lib/common.js'
import { readMaxPointChars } from './lib/limits.js'
import { pointField } from './lib/point-field.js'
import { personName, renderPresence } from './lib/presence.js'
import { refusalActions, refusalFor } from './lib/refusal.js'

const LOCAL = Symbol('sakrad-notes-local')
const ANNOUNCE_EVERY_MS = 5000
// Failed attempts in a row before "Reconnecting…" becomes "Offline — your changes are kept…".
const OFFLINE_AFTER_FAILURES = 2

function start (root) {
  const strings = readStrings(root)
  const t = (key, values = {}) => format(strings[key] || key, values)
  let canEdit = root.dataset.canEdit === 'true'
  const userName = root.dataset.userName || t('anonymous')
  const maxPointChars = readMaxPointChars(root.dataset.maxPointChars)

  const doc = new Y.Doc()
  const points = doc.getArray('points')
  const statusNode = root.querySelector('[data-notes-status]')
  const announcer = root.querySelector('[data-notes-announcer]')
  const presenceList = root.querySelector('[data-notes-presence-list]')
  const readOnlyNotice = root.querySelector('[data-notes-read-only]')
  const sections = new Map() // question number -> {section, list, empty, add}
  for (const section of root.querySelectorAll('[data-question]')) {
    sections.set(Number(section.dataset.question), {
      section,
      list: section.querySelector('[data-points]'),
      empty: section.querySelector('[data-points-empty]'),
      add: section.querySelector('[data-add-point]')
    })
  }

  // ---- Persistence and connection ------------------------------------------------------------
  const persistence = new IndexeddbPersistence(root.dataset.offlineStore, doc)
  const target = websocketTarget(root.dataset.notesUrl)
  const provider = new WebsocketProvider(target.server, target.room, doc, {
    maxBackoffTime: MAX_BACKOFF_MS,
    resyncInterval: RESYNC_MS,
    // Two tabs of one browser would otherwise also sync over a BroadcastChannel; the server is
    // the one place edits meet, so that closed note-taking is closed for every tab.
    disableBc: true
  })
  const awareness = provider.awareness
  // The server puts its own {name, colour, staff} into what it relays; this is what we show ourselves.
  awareness.setLocalStateField('user', {
    name: userName, colour: root.dataset.userColour || colourFor(userName), staff: root.dataset.userStaff === 'true'
  })

  // ---- Connection status -----------------------------------------------------------------------
  let everSynced = false
  let shownStatus = null
  let closedByServer = false
  let refusalMessage = null // what the server refused, while closed because of it
  function updateStatus () {
    let state
    if (closedByServer) state = refusalMessage ? 'refused' : 'closed'
    else if (provider.wsconnected && provider.synced) state = 'connected'
    else if (!navigator.onLine || provider.wsUnsuccessfulReconnects >= OFFLINE_AFTER_FAILURES) state = 'offline'
    else state = everSynced ? 'reconnecting' : 'connecting'
    root.dataset.connection = state
    if (state === shownStatus) return
    shownStatus = state
    statusNode.textContent = state === 'refused' ? refusalMessage : t(`status_${state}`)
    statusNode.dataset.state = state
  }
  provider.on('status', updateStatus)
  provider.on('sync', (synced) => {
    if (synced && !everSynced) {
      everSynced = true
      ready()
      // Remote changes are announced from now on, not the initial load.
      setTimeout(() => { announcing = true }, 1000)
    }
    updateStatus()
  })
  provider.on('connection-close', () => setTimeout(updateStatus, 0))
  // The server closed the socket for good (a 44xx code): no longer in the group (4403), or it
  // refused something this page sent (lib/refusal.js: what to say and offer).
  const refusals = refusalActions({
    container: root.querySelector('[data-notes-actions]'), statusNode, persistence, t, reconnect
  })
  let editableBeforeClose = canEdit
  // The reason token also comes in a notice (type 4, our extension) just before the close: Daphne
  // drops close frames' reasons.
  let noticeReason = ''
  provider.messageHandlers[4] = (encoder, decoder) => { noticeReason = decoding.readVarString(decoder) }
  provider.on('status', ({ status }) => { if (status === 'connected') noticeReason = '' })
  provider.on('closed', (event) => {
    closedByServer = true
    editableBeforeClose = canEdit
    const refusal = refusalFor(event.code, event.reason || noticeReason)
    refusalMessage = refusal && t(refusal.message, { max: formatNumber(maxPointChars) })
    if (!(refusal && refusal.keepEditing)) setEditable(false)
    updateStatus()
    if (refusal) refusals.show(refusal)
    else if (event.reason) statusNode.textContent += ` ${event.reason}`
  })
  function reconnect () {
    closedByServer = false
    refusalMessage = null
    refusals.hide()
    setEditable(editableBeforeClose)
    provider.connect()
    updateStatus()
  }
  window.addEventListener('online', () => {
    // Don't wait for the backoff timer when the network comes back.
    if (!closedByServer && !provider.wsconnected) {
      provider.disconnect()
      provider.connect()
    }
    updateStatus()
  })
  window.addEventListener('offline', () => {
    // A socket can stay half-open for a long time when the Wi-Fi drops; close it at once and
    // keep editing locally (IndexedDB keeps every change until the server has it).
    provider.disconnect()
    updateStatus()
  })
  setInterval(updateStatus, 1000)
  updateStatus()

  // Permission denied (y-protocols auth message): the server refuses our updates, e.g. because
  // note-taking closed. Reading still works; the page becomes read-only.
  // Sub-type 0 is y-protocols' "permission denied"; 1 (our server's extension) grants it again,
  // e.g. when staff reopen note-taking.
  const initiallyEditable = canEdit
  provider.messageHandlers[2] = (encoder, decoder) => {
    const kind = decoding.readVarUint(decoder)
    if (kind !== 0 && kind !== 1) return
    const editable = kind === 1
    if (editable === canEdit) return
    setEditable(editable)
    if (readOnlyNotice) readOnlyNotice.hidden = editable || !initiallyEditable
    announcer.textContent = editable ? t('editable_again') : t('read_only_now')
  }

  // ---- Presence -------------------------------------------------------------------------------
  const showPresence = () => { if (presenceList) renderPresence(presenceList, awareness, doc.clientID, t) }
  awareness.on('change', () => { showPresence(); renderEditors() })
  showPresence()

  // "Anna is writing here" under a point others have their cursor in (not announced: just shown).
  function renderEditors () {
    const byPoint = new Map()
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === doc.clientID || !state || !state.user || !state.editing) continue
      if (!byPoint.has(state.editing)) byPoint.set(state.editing, new Set())
      byPoint.get(state.editing).add(personName(state.user, t))
    }
    for (const view of views.values()) {
      const names = byPoint.get(view.ymap.get('id'))
      const text = names ? t('writing_here', { names: [...names].join(', ') }) : ''
      if (view.editors.textContent !== text) view.editors.textContent = text
      view.editors.hidden = !names
    }
  }

  // ---- Announcing remote changes ----------------------------------------------------------------
  let announcing = false
  const changedByOthers = new Set()
  points.observeDeep((events, transaction) => {
    if (!announcing || transaction.origin === LOCAL || transaction.origin === persistence) return
    for (const event of events) {
      if (event.target === points) {
        // Added or removed points; count each added one, and removals as one change each.
        event.changes.added.forEach((item) => {
          const map = item.content.getContent()[0]
          changedByOthers.add(map instanceof Y.Map ? map.get('id') : Math.random())
        })
        event.changes.deleted.forEach(() => changedByOthers.add(Math.random()))
      } else {
        let node = event.target
        while (node && !(node instanceof Y.Map)) node = node.parent
        if (node) changedByOthers.add(node.get('id'))
      }
    }
  })
  setInterval(() => {
    if (changedByOthers.size === 0) return
    const count = changedByOthers.size
    changedByOthers.clear()
    announcer.textContent = count === 1 ? t('changed_one') : t('changed_many', { count })
  }, ANNOUNCE_EVERY_MS)

  // ---- Points -----------------------------------------------------------------------------------
  const views = new Map() // key (point id, made unique) -> view
  let domCounter = 0
  let live = false

  function ready () {
    if (live) return
    live = true
    root.classList.add('notes--live')
    for (const { list } of sections.values()) list.replaceChildren()
    setEditable(canEdit)
    render()
  }
  persistence.whenSynced.then(() => {
    // What this browser kept is shown at once; with nothing kept, the server's answer is awaited
    // for a few seconds (so the stored points don't flash away), then editing starts regardless.
    if (points.length > 0 || !navigator.onLine) ready()
    else if (canEdit) setTimeout(ready, 3000)
  })

  function setEditable (editable) {
    canEdit = editable
    root.dataset.editable = String(editable)
    for (const { add } of sections.values()) if (add) add.hidden = !(editable && live)
    for (const view of views.values()) applyEditable(view)
    if (!editable) awareness.setLocalState(awareness.getLocalState()) // keep presence
  }

  function applyEditable (view) {
    view.textarea.readOnly = !canEdit
    view.checkbox.disabled = !canEdit
    view.actions.hidden = !canEdit
  }

  function sectionFor (question) {
    if (sections.has(question)) return sections.get(question)
    // A point under a question this page doesn't list (removed since): an "other" section.
    const other = root.querySelector('[data-other-points]')
    if (!other) return null
    other.hidden = false
    const entry = { section: other, list: other.querySelector('[data-points]'), empty: null, add: null }
    sections.set(question, entry)
    return entry
  }

  function createView (ymap) {
    const id = `point-${++domCounter}`
    const label = element('label', { class: 'note-point__label', for: id })
    const textarea = element('textarea', { id, class: 'note-point__text', rows: '3' })
    const checkbox = element('input', { type: 'checkbox', id: `${id}-takeaway`, class: 'note-point__takeaway' })
    const takeawayLabel = element('label', { for: `${id}-takeaway`, class: 'note-point__takeaway-label' })
    const takeawayText = element('span', { text: t('takeaway') })
    const takeawayFor = element('span', { class: 'visually-hidden' })
    takeawayLabel.append(takeawayText, takeawayFor)
    const button = (action, text) => {
      const hidden = element('span', { class: 'visually-hidden' })
      const node = element('button', { type: 'button', class: `note-point__${action} button--secondary`, 'data-action': action },
        element('span', { text }), hidden)
      node.hiddenPart = hidden
      return node
    }
    const up = button('up', t('move_up'))
    const down = button('down', t('move_down'))
    const remove = button('delete', t('delete'))
    const actions = element('div', { class: 'note-point__actions' }, up, down, remove)
    const editors = element('p', { class: 'note-point__editors', hidden: true })
    const field = pointField(textarea, { max: maxPointChars, t })
    const li = element('li', { class: 'note-point' }, label, textarea, field.counter, editors,
      element('div', { class: 'note-point__controls' },
        element('div', { class: 'note-point__takeaway-field' }, checkbox, takeawayLabel), actions))
    const view = { li, label, textarea, field, editors, checkbox, takeawayFor, up, down, remove, actions, ymap, binding: null }
    view.binding = bindTextarea(textarea, ymap.get('text'), LOCAL, {
      maxLength: maxPointChars,
      onCut: () => {
        // The same words again are no change to the live region: a no-break space makes them one.
        const text = t('text_cut', { max: formatNumber(maxPointChars) })
        announcer.textContent = announcer.textContent === text ? `${text}\u00a0` : text
      },
      onValue: field.refresh
    })
    field.refresh()
    checkbox.addEventListener('change', () => {
      if (!canEdit) return
      doc.transact(() => view.ymap.set('takeaway', checkbox.checked), LOCAL)
    })
    up.addEventListener('click', () => move(view, -1))
    down.addEventListener('click', () => move(view, +1))
    remove.addEventListener('click', () => deletePoint(view))
    textarea.addEventListener('focus', () => awareness.setLocalStateField('editing', view.ymap.get('id')))
    textarea.addEventListener('blur', () => awareness.setLocalStateField('editing', null))
    applyEditable(view)
    return view
  }

  function render (localChange = false) {
    if (!live) return
    const active = document.activeElement
    const activeView = [...views.values()].find((view) => view.li.contains(active))
    const activeRole = activeView ? (active.dataset.action || (active === activeView.checkbox ? 'takeaway' : 'text')) : null
    const selection = activeRole === 'text' ? [active.selectionStart, active.selectionEnd] : null

    const byQuestion = new Map()
    const seen = new Map()
    points.forEach((ymap) => {
      if (!(ymap instanceof Y.Map) || !(ymap.get('text') instanceof Y.Text)) return
      const question = Number(ymap.get('question'))
      const id = String(ymap.get('id'))
      // Two copies of one point (two people moved it at once) are both shown.
      const copies = seen.get(id) || 0
      seen.set(id, copies + 1)
      const key = copies ? `${id}#${copies}` : id
      if (!byQuestion.has(question)) byQuestion.set(question, [])
      byQuestion.get(question).push({ key, ymap })
    })

    const keep = new Set()
    for (const [question, entries] of byQuestion) {
      const target = sectionFor(question)
      if (!target) continue
      entries.forEach(({ key, ymap }, index) => {
        keep.add(key)
        let view = views.get(key)
        if (!view) {
          view = createView(ymap)
          views.set(key, view)
        } else if (view.ymap !== ymap) {
          view.ymap = ymap
          view.binding.rebind(ymap.get('text'))
        }
        view.index = index
        view.question = question
        const name = t('point_label', { n: index + 1, q: question })
        view.label.textContent = name
        view.takeawayFor.textContent = ` (${name})`
        for (const button of [view.up, view.down, view.remove]) button.hiddenPart.textContent = `: ${name}`
        view.checkbox.checked = ymap.get('takeaway') === true
        view.li.classList.toggle('note-point--takeaway', view.checkbox.checked)
        view.up.disabled = index === 0
        view.down.disabled = index === entries.length - 1
        if (target.list.children[index] !== view.li) target.list.insertBefore(view.li, target.list.children[index] || null)
      })
    }
    let lost = null
    for (const [key, view] of views) {
      if (keep.has(key)) continue
      if (view === activeView) lost = view
      view.binding.unbind()
      view.field.dispose()
      view.li.remove()
      views.delete(key)
    }
    if (lost && !localChange) {
      // Someone else deleted the point this person was in: say so, and put focus somewhere near.
      const next = [...views.values()].filter((other) => other.question === lost.question)
        .sort((a, b) => a.index - b.index)[lost.index]
      if (next) next.textarea.focus()
      else (sectionFor(lost.question)?.add || root).focus()
      announcer.textContent = t('deleted_by_other')
    }
    for (const [question, { list, empty }] of sections) {
      if (empty) empty.hidden = list.children.length > 0
      if (!byQuestion.has(question)) list.replaceChildren()
    }

    renderEditors()
    // A moved element loses focus when the DOM moves it; put it back where it was.
    if (activeView && !lost && !localChange && document.activeElement !== active) {
      const view = [...views.values()].find((candidate) => candidate.li === activeView.li)
      if (view) focusRole(view, activeRole, selection)
    }
  }

  function focusRole (view, role, selection) {
    let target = view.textarea
    if (role === 'takeaway') target = view.checkbox
    else if (role === 'up') target = view.up.disabled ? view.down : view.up
    else if (role === 'down') target = view.down.disabled ? view.up : view.down
    else if (role === 'delete') target = view.remove
    target.focus()
    if (role === 'text' && selection) target.setSelectionRange(selection[0], selection[1])
  }

  points.observeDeep((events, transaction) => render(transaction.origin === LOCAL))

  function indexOf (ymap) {
    for (let i = 0; i < points.length; i++) if (points.get(i) === ymap) return i
    return -1
  }

  function copyPoint (ymap) {
    const copy = new Y.Map()
    copy.set('id', ymap.get('id'))
    copy.set('question', ymap.get('question'))
    copy.set('text', new Y.Text(ymap.get('text').toString()))
    copy.set('takeaway', ymap.get('takeaway') === true)
    return copy
  }

  function move (view, direction) {
    if (!canEdit) return
    const from = indexOf(view.ymap)
    if (from < 0) return
    const question = view.ymap.get('question')
    let to = from + direction
    while (to >= 0 && to < points.length && points.get(to).get('question') !== question) to += direction
    if (to < 0 || to >= points.length) return
    // Array order is the order: delete the point and insert a copy at its new place, atomically.
    doc.transact(() => {
      const copy = copyPoint(view.ymap)
      points.delete(from, 1)
      points.insert(to, [copy])
    }, LOCAL)
    const moved = [...views.values()].find((candidate) => candidate.li === view.li)
    if (moved) focusRole(moved, direction < 0 ? 'up' : 'down')
    announcer.textContent = t('moved', { name: moved ? moved.label.textContent : '' })
  }

  function deletePoint (view) {
    if (!canEdit) return
    // eslint-disable-next-line no-alert
    if (!window.confirm(t('confirm_delete', { name: view.label.textContent }))) return
    const index = indexOf(view.ymap)
    if (index < 0) return
    const question = view.question
    const position = view.index
    doc.transact(() => points.delete(index, 1), LOCAL)
    // Focus the point that took its place, else the one before, else the add button.
    const remaining = [...views.values()].filter((other) => other.question === question)
      .sort((a, b) => a.index - b.index)
    const next = remaining[position] || remaining[position - 1]
    if (next) next.textarea.focus()
    else sectionFor(question)?.add?.focus()
    announcer.textContent = t('deleted')
  }

  function addPoint (question) {
    if (!canEdit) return
    const ymap = new Y.Map()
    const id = (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random().toString(36).slice(2)}`
    doc.transact(() => {
      ymap.set('id', id)
      ymap.set('question', question)
      ymap.set('text', new Y.Text())
      ymap.set('takeaway', false)
      points.push([ymap])
    }, LOCAL)
    const view = views.get(id)
    if (view) view.textarea.focus()
  }

  for (const [question, { add }] of sections) {
    if (add) add.addEventListener('click', () => addPoint(question))
  }

  // For the browser tests and for debugging from the console.
  root.notes = { doc, provider, persistence, awareness }
}

function boot () {
  for (const root of document.querySelectorAll('[data-notes-url][data-group-id]')) start(root)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()
