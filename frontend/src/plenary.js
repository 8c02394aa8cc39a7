// The plenary wall: every group's takeaways, live, for the projector. Read-only: one y-websocket
// per group that sends no awareness and never an update (it does not even answer the server's
// sync step 1, so it has nothing to send); it only asks for the state and listens.

import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MAX_BACKOFF_MS, RESYNC_MS, element, format, readStrings, websocketTarget } from './lib/common.js'

function start (wall) {
  const strings = readStrings(wall)
  const t = (key, values = {}) => format(strings[key] || key, values)
  const statusNode = wall.querySelector('[data-plenary-status]')
  const storageKey = `sakrad-plenary-highlight-${wall.dataset.consultationId || ''}`
  let highlighted = null
  try { highlighted = window.sessionStorage.getItem(storageKey) } catch (error) { /* private mode */ }
  const groups = []
  let counter = 0

  function updateStatus () {
    const connected = groups.filter((group) => group.provider.wsconnected && group.provider.synced).length
    const state = connected === groups.length ? 'connected' : (navigator.onLine ? 'reconnecting' : 'offline')
    const text = t(`wall_${state}`, { connected, total: groups.length })
    if (statusNode.textContent !== text) statusNode.textContent = text
    statusNode.dataset.state = state
    wall.dataset.connection = state
  }

  function setHighlight (key) {
    highlighted = highlighted === key ? null : key
    try {
      if (highlighted) window.sessionStorage.setItem(storageKey, highlighted)
      else window.sessionStorage.removeItem(storageKey)
    } catch (error) { /* private mode */ }
    for (const group of groups) group.render()
  }

  for (const section of wall.querySelectorAll('[data-notes-url][data-group-id]')) {
    const groupId = section.dataset.groupId
    const list = section.querySelector('[data-takeaways]')
    const empty = section.querySelector('[data-takeaways-empty]')
    const doc = new Y.Doc()
    const points = doc.getArray('points')
    const target = websocketTarget(section.dataset.notesUrl)
    const provider = new WebsocketProvider(target.server, target.room, doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: MAX_BACKOFF_MS,
      resyncInterval: RESYNC_MS
    })
    // Read-only: no presence of ours, and sync messages are read but never answered.
    provider.awareness.setLocalState(null)
    provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced) => {
      const kind = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), provider.doc, provider)
      if (emitSynced && kind === syncProtocol.messageYjsSyncStep2 && !provider.synced) provider.synced = true
    }
    const views = new Map()
    let live = false

    const render = () => {
      if (!live) return
      const keep = []
      points.forEach((ymap) => {
        if (!(ymap instanceof Y.Map) || ymap.get('takeaway') !== true) return
        const text = ymap.get('text')
        const value = text instanceof Y.Text ? text.toString().trim() : ''
        if (!value) return
        const id = String(ymap.get('id'))
        const key = `${groupId}:${id}`
        if (keep.some((entry) => entry.key === key)) return // a copy left by two concurrent moves
        keep.push({ key, question: Number(ymap.get('question')), value })
      })
      keep.forEach(({ key, question, value }, index) => {
        let view = views.get(key)
        if (!view) {
          const questionNode = element('p', { class: 'takeaway__question' })
          const textId = `takeaway-${++counter}`
          const textNode = element('p', { class: 'takeaway__text', id: textId })
          const button = element('button', {
            type: 'button', class: 'takeaway__highlight button--secondary', 'aria-pressed': 'false', 'aria-describedby': textId
          })
          button.addEventListener('click', () => setHighlight(key))
          view = { li: element('li', { class: 'takeaway' }, questionNode, textNode, button), questionNode, textNode, button }
          views.set(key, view)
        }
        view.questionNode.textContent = t('question', { q: question })
        if (view.textNode.textContent !== value) view.textNode.textContent = value
        const on = highlighted === key
        view.li.classList.toggle('takeaway--highlighted', on)
        view.button.setAttribute('aria-pressed', String(on))
        view.button.textContent = t('highlight')
        if (list.children[index] !== view.li) list.insertBefore(view.li, list.children[index] || null)
      })
      const keys = new Set(keep.map((entry) => entry.key))
      for (const [key, view] of views) {
        if (keys.has(key)) continue
        view.li.remove()
        views.delete(key)
      }
      if (empty) empty.hidden = keep.length > 0
    }

    provider.on('status', updateStatus)
    provider.on('sync', (synced) => {
      if (synced && !live) {
        live = true
        list.replaceChildren()
        section.classList.add('plenary-group--live')
      }
      render()
      updateStatus()
    })
    points.observeDeep(render)
    groups.push({ provider, render })
    provider.connect()
  }

  window.addEventListener('online', () => {
    for (const { provider } of groups) {
      if (!provider.wsconnected) { provider.disconnect(); provider.connect() }
    }
  })
  setInterval(updateStatus, 1000)
  updateStatus()

  const fullscreen = wall.querySelector('[data-fullscreen]')
  if (fullscreen && document.documentElement.requestFullscreen) {
    fullscreen.hidden = false
    fullscreen.addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen()
      else wall.requestFullscreen()
    })
  }
  wall.plenary = { groups }
}

function boot () {
  for (const wall of document.querySelectorAll('[data-plenary]')) start(wall)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()
