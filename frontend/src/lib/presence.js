// "In the room now": who has the group's notes open, from the awareness states.
//
// The server is the one who says who someone is: in every state it relays it replaces `user` with
// {name, colour, staff} from the session (staff: ministry staff) and keeps only `editing`. Our own
// state is the one this page set. What comes over the wire still goes into the page only as text,
// and a colour only when it is a plain colour value; otherwise the name's own colour is used.

import { colourFor, element } from './common.js'

// A colour function or hex value, or a colour name; never var(), url() or anything with ; or {.
const COLOUR = /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]*\)|[a-z]{3,30})$/i
// Valid as CSS colours, but not a colour a swatch can show.
const NOT_A_COLOUR = new Set(['inherit', 'initial', 'unset', 'revert', 'currentcolor', 'transparent'])

/** Whether `value` looks like a colour a swatch can show (the browser's CSS.supports decides the rest). */
export function plausibleColour (value) {
  if (typeof value !== 'string' || value.length > 64) return false
  const colour = value.trim()
  return COLOUR.test(colour) && !NOT_A_COLOUR.has(colour.toLowerCase())
}

function isColour (value) {
  return plausibleColour(value) && typeof CSS !== 'undefined' && CSS.supports('color', value.trim())
}

/** The people in `states` (awareness: client id -> state), one entry per person (a person with two
 * windows is one), yourself first, then by name: [{name, colour, staff, self}]. */
export function presencePeople (states, selfId, checkColour = isColour, fallbackColour = colourFor) {
  const people = new Map()
  for (const [clientId, state] of states) {
    const user = state && state.user
    if (!user || typeof user.name !== 'string' || !user.name.trim()) continue
    const staff = user.staff === true
    const self = clientId === selfId
    const key = `${staff}:${user.name}`
    if (people.has(key) && !self) continue
    const colour = checkColour(user.colour) ? user.colour.trim() : fallbackColour(user.name)
    people.set(key, { name: user.name, colour, staff, self })
  }
  return [...people.values()].sort((a, b) => (b.self - a.self) || a.name.localeCompare(b.name))
}

/** "Anna Berg (ministry)" for staff, the name for everyone else. */
export function personName (user, t) {
  const name = String(user.name)
  return user.staff === true ? t('staff_name', { name }) : name
}

/** Fill the presence list (a <ul>) from the awareness. */
export function renderPresence (list, awareness, selfId, t) {
  const people = presencePeople(awareness.getStates(), selfId)
  list.replaceChildren(...people.map((person) => {
    const swatch = element('span', { class: 'notes-presence__swatch', 'aria-hidden': 'true' })
    swatch.style.setProperty('--person-colour', person.colour)
    const name = personName(person, t)
    const item = element('li', { class: 'notes-presence__person' }, swatch,
      document.createTextNode(person.self ? t('you', { name }) : name))
    if (person.staff) item.classList.add('notes-presence__person--staff')
    return item
  }))
}
