// Shared by the group page and the plenary wall: configuration, strings, the websocket URL.

/** The interface strings, translated by the server and passed as JSON in data-strings. */
export function readStrings (root) {
  try {
    return JSON.parse(root.dataset.strings || '{}')
  } catch (error) {
    return {}
  }
}

/** "Point {n} under question {q}" with {name}s replaced. */
export function format (template, values) {
  return String(template).replace(/\{(\w+)\}/g, (match, key) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match
  )
}

/**
 * Split a data-notes-url ("/ws/notes/12") into what y-websocket wants: the server URL
 * ("wss://host/ws/notes") and the room name ("12"); the provider joins them with "/".
 */
export function websocketTarget (notesUrl) {
  const url = new URL(notesUrl.replace(/\/+$/, ''), window.location.href)
  const scheme = url.protocol === 'https:' ? 'wss:' : 'ws:'
  const cut = url.pathname.lastIndexOf('/')
  return { server: `${scheme}//${url.host}${url.pathname.slice(0, cut)}`, room: url.pathname.slice(cut + 1) }
}

/** Reconnect with exponential backoff (y-websocket: 100 ms × 2^failures, capped here at 10 s). */
export const MAX_BACKOFF_MS = 10000
/** Ask the server for anything missed every so often; also keeps an idle socket from timing out. */
export const RESYNC_MS = 15000

/** A stable, readable colour per person (the swatch beside a name in the presence list). */
export function colourFor (seed) {
  let hash = 0
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) | 0
  return `hsl(${Math.abs(hash) % 360} 70% 35%)`
}

export function element (tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue
    if (key === 'class') node.className = value
    else if (key === 'text') node.textContent = value
    else node.setAttribute(key, value === true ? '' : value)
  }
  for (const child of children) if (child) node.append(child)
  return node
}

/** 4600 as the page's language writes it ("4 600" in Swedish). */
export function formatNumber (value) {
  try {
    return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value)
  } catch (error) {
    return String(value)
  }
}
