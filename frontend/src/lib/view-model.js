// What the group page shows of the points, worked out without the DOM (unit-tested under
// `node --test`): which points go under which question, their names, who is writing where,
// and where focus goes when a point moves or goes away. No imports.

/**
 * The points to show, by question: Map question -> [{key, ymap}] in array order. `key` is the
 * point's id, made unique: two copies of one point (two people moved it at once) are both shown.
 */
export function groupPoints (points, isPoint) {
  const byQuestion = new Map()
  const seen = new Map()
  points.forEach((ymap) => {
    if (!isPoint(ymap)) return
    const question = Number(ymap.get('question'))
    const id = String(ymap.get('id'))
    const copies = seen.get(id) || 0
    seen.set(id, copies + 1)
    const key = copies ? `${id}#${copies}` : id
    if (!byQuestion.has(question)) byQuestion.set(question, [])
    byQuestion.get(question).push({ key, ymap })
  })
  return byQuestion
}

/** How the point at `index` of `count` under `question` is named and which of its buttons work. */
export function pointRow (index, count, question, t) {
  return { name: t('point_label', { n: index + 1, q: question }), first: index === 0, last: index === count - 1 }
}

/**
 * Who else is writing in which point: Map point id -> Set of names, from the awareness states
 * (client id -> {user, editing}); yourself and states without a user or a point are left out.
 */
export function editorsByPoint (states, selfId, nameOf) {
  const byPoint = new Map()
  for (const [clientId, state] of states) {
    if (clientId === selfId || !state || !state.user || !state.editing) continue
    if (!byPoint.has(state.editing)) byPoint.set(state.editing, new Set())
    byPoint.get(state.editing).add(nameOf(state.user))
  }
  return byPoint
}

/** "Anna, Bo are writing here", or '' when no one else is. */
export function editorsText (names, t) {
  return names ? t('writing_here', { names: [...names].join(', ') }) : ''
}

/** Which control of a point had focus: a button's data-action, 'takeaway' or 'text'. */
export function roleOf (active, { checkbox }) {
  return active.dataset.action || (active === checkbox ? 'takeaway' : 'text')
}

/**
 * The control to give focus back to after a point moved: the same one, except a move button
 * that no longer works at the end of the list hands focus to the other one.
 */
export function focusControl (role, { upDisabled, downDisabled }) {
  if (role === 'takeaway') return 'checkbox'
  if (role === 'up') return upDisabled ? 'down' : 'up'
  if (role === 'down') return downDisabled ? 'up' : 'down'
  if (role === 'delete') return 'remove'
  return 'textarea'
}

/** A question's points in display order ({question, index} each, as the view keeps them). */
export function siblings (views, question) {
  return [...views].filter((other) => other.question === question).sort((a, b) => a.index - b.index)
}

/** After deleting the point at `position`: the one that took its place, else the one before, else null. */
export function focusAfterDelete (remaining, position) {
  return remaining[position] || remaining[position - 1] || null
}
