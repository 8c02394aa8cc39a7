// The group page: a breakout group's notes, written together live.
//
// The page is rendered by the server (breakouts/views.py) as a read-only list of the last stored
// points; this script takes over once the document has loaded (from IndexedDB or the server).
// It only wires the parts in lib/ together (frontend/README.md lists them):
// state (the document and its changes), connection (socket and status line), offline (IndexedDB,
// the network going and coming), view (the points in the DOM), presence, announce, refusal.

import { colourFor, formatNumber, format, readStrings } from './lib/common.js'
import { readMaxPointChars } from './lib/limits.js'
import { personName, renderPresence } from './lib/presence.js'
import { refusalActions, refusalFor } from './lib/refusal.js'
import { LOCAL, addPoint, changedPoints, createNotesDoc, deletePoint, movePoint, setTakeaway } from './lib/state.js'
import { ConnectionStatus, listenToServer, openConnection } from './lib/connection.js'
import { READY_WAIT_MS, keepOffline, watchNetwork, whenKeptLoaded } from './lib/offline.js'
import { PointsView } from './lib/view.js'
import { editorsByPoint, focusAfterDelete, siblings } from './lib/view-model.js'
import { Announcer } from './lib/announce.js'

function start (root) {
  const strings = readStrings(root)
  const t = (key, values = {}) => format(strings[key] || key, values)
  const initiallyEditable = root.dataset.canEdit === 'true'
  const userName = root.dataset.userName || t('anonymous')
  const maxPointChars = readMaxPointChars(root.dataset.maxPointChars)
  const statusNode = root.querySelector('[data-notes-status]')
  const presenceList = root.querySelector('[data-notes-presence-list]')
  const readOnlyNotice = root.querySelector('[data-notes-read-only]')
  const announcer = new Announcer(root.querySelector('[data-notes-announcer]'), t)

  const { doc, points } = createNotesDoc()
  const persistence = keepOffline(root.dataset.offlineStore, doc)
  const provider = openConnection(root.dataset.notesUrl, doc)
  const awareness = provider.awareness
  // The server puts its own {name, colour, staff} into what it relays; this is what we show ourselves.
  awareness.setLocalStateField('user', {
    name: userName, colour: root.dataset.userColour || colourFor(userName), staff: root.dataset.userStaff === 'true'
  })

  const view = new PointsView(root, {
    t,
    maxPointChars,
    editable: initiallyEditable,
    writers: () => editorsByPoint(awareness.getStates(), doc.clientID, (user) => personName(user, t)),
    onEditable (editable) {
      if (!editable) awareness.setLocalState(awareness.getLocalState()) // keep presence
    },
    actions: {
      move,
      remove,
      takeaway (pointView, checked) { if (view.editable) setTakeaway(pointView.ymap, checked) },
      editing (pointId) { awareness.setLocalStateField('editing', pointId) },
      cut () { announcer.sayAgain(t('text_cut', { max: formatNumber(maxPointChars) })) }
    }
  })
  const setEditable = (editable) => view.setEditable(editable)
  const ready = () => view.goLive(points)

  // ---- Connection status -----------------------------------------------------------------------
  const status = new ConnectionStatus(root, statusNode, provider, t)
  const update = () => status.update()
  let announcing = false
  provider.on('status', update)
  provider.on('sync', (synced) => {
    if (synced && !status.everSynced) {
      status.everSynced = true
      ready()
      // Remote changes are announced from now on, not the initial load.
      setTimeout(() => { announcing = true }, 1000)
    }
    update()
  })
  provider.on('connection-close', () => setTimeout(update, 0))
  // The server closed the socket for good (a 44xx code): no longer in the group (4403), or it
  // refused something this page sent (lib/refusal.js: what to say and offer).
  const refusals = refusalActions({
    container: root.querySelector('[data-notes-actions]'), statusNode, persistence, t, reconnect
  })
  let editableBeforeClose = view.editable
  const noticeReason = listenToServer(provider, {
    // The server refuses our updates (note-taking closed) or takes them again (reopened).
    onGrant (editable) {
      if (editable === view.editable) return
      setEditable(editable)
      if (readOnlyNotice) readOnlyNotice.hidden = editable || !initiallyEditable
      announcer.say(editable ? t('editable_again') : t('read_only_now'))
    }
  })
  provider.on('closed', (event) => {
    editableBeforeClose = view.editable
    const refusal = refusalFor(event.code, event.reason || noticeReason())
    if (!(refusal && refusal.keepEditing)) setEditable(false)
    status.closed(refusal && t(refusal.message, { max: formatNumber(maxPointChars) }))
    if (refusal) refusals.show(refusal)
    else if (event.reason) statusNode.textContent += ` ${event.reason}`
  })
  function reconnect () {
    status.reopened()
    refusals.hide()
    setEditable(editableBeforeClose)
    provider.connect()
    update()
  }
  watchNetwork(provider, { closedByServer: () => status.closedByServer, changed: update })
  setInterval(update, 1000)
  update()

  // ---- Presence -------------------------------------------------------------------------------
  const showPresence = () => { if (presenceList) renderPresence(presenceList, awareness, doc.clientID, t) }
  awareness.on('change', () => { showPresence(); view.renderEditors() })
  showPresence()

  // ---- Announcing remote changes ----------------------------------------------------------------
  points.observeDeep((events, transaction) => {
    if (!announcing || transaction.origin === LOCAL || transaction.origin === persistence) return
    announcer.count(changedPoints(events, points))
  })
  announcer.every()

  // ---- Points -----------------------------------------------------------------------------------
  persistence.whenSynced.then(() => {
    const when = whenKeptLoaded({ kept: points.length, online: navigator.onLine, editable: view.editable })
    if (when === 'now') ready()
    else if (when === 'later') setTimeout(ready, READY_WAIT_MS)
  })
  points.observeDeep((events, transaction) => {
    if (view.render(points, transaction.origin === LOCAL)) announcer.say(t('deleted_by_other'))
  })

  function move (pointView, direction) {
    if (!view.editable || !movePoint(points, pointView.ymap, direction)) return
    const moved = view.viewOf(pointView.li)
    if (moved) view.focusRole(moved, direction < 0 ? 'up' : 'down')
    announcer.say(t('moved', { name: moved ? moved.label.textContent : '' }))
  }

  function remove (pointView) {
    if (!view.editable) return
    // eslint-disable-next-line no-alert
    if (!window.confirm(t('confirm_delete', { name: pointView.label.textContent }))) return
    const { question, index: position } = pointView
    if (!deletePoint(points, pointView.ymap)) return
    // Focus the point that took its place, else the one before, else the add button.
    view.focusNear(focusAfterDelete(siblings(view.views.values(), question), position), question)
    announcer.say(t('deleted'))
  }

  for (const [question, { add }] of view.sections) {
    if (add) add.addEventListener('click', () => { if (view.editable) view.focusPoint(addPoint(points, question)) })
  }

  // For the browser tests and for debugging from the console.
  root.notes = { doc, provider, persistence, awareness }
}

function boot () {
  for (const root of document.querySelectorAll('[data-notes-url][data-group-id]')) start(root)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()
