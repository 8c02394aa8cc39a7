// The group page's points in the DOM: one <li> per point under its question, kept in step with the
// document by render(). The page (notes.js) says what the buttons do through `actions`; the view
// decides only what is shown and where focus stays.

import { element } from './common.js'
import { pointField } from './point-field.js'
import { bindTextarea } from './textarea-binding.js'
import { LOCAL, isPoint } from './state.js'
import { editorsText, focusControl, groupPoints, pointRow, roleOf, siblings } from './view-model.js'

function pointButton (action, text) {
  const hidden = element('span', { class: 'visually-hidden' })
  const node = element('button', { type: 'button', class: `note-point__${action} button--secondary`, 'data-action': action },
    element('span', { text }), hidden)
  node.hiddenPart = hidden
  return node
}

export class PointsView {
  /**
   * `root` is the page's #notes; `actions`: {move(view, direction), remove(view), takeaway(view, checked),
   * editing(pointId | null), cut()} — what the controls of a point do; `writers()`: who else is
   * writing in which point (view-model.js: editorsByPoint); `onEditable(editable)` after each setEditable.
   */
  constructor (root, { t, maxPointChars, editable, actions, writers, onEditable }) {
    this.root = root
    this.t = t
    this.maxPointChars = maxPointChars
    this.editable = editable
    this.actions = actions
    this.writers = writers
    this.onEditable = onEditable
    this.live = false
    this.views = new Map() // key (point id, made unique) -> view
    this.domCounter = 0
    this.sections = new Map() // question number -> {section, list, empty, add}
    for (const section of root.querySelectorAll('[data-question]')) {
      this.sections.set(Number(section.dataset.question), {
        section,
        list: section.querySelector('[data-points]'),
        empty: section.querySelector('[data-points-empty]'),
        add: section.querySelector('[data-add-point]')
      })
    }
  }

  /** Replace the server-rendered read-only list with the live one. */
  goLive (points) {
    if (this.live) return false
    this.live = true
    this.root.classList.add('notes--live')
    for (const { list } of this.sections.values()) list.replaceChildren()
    this.setEditable(this.editable)
    this.render(points)
    return true
  }

  setEditable (editable) {
    this.editable = editable
    this.root.dataset.editable = String(editable)
    for (const { add } of this.sections.values()) if (add) add.hidden = !(editable && this.live)
    for (const view of this.views.values()) this.applyEditable(view)
    this.onEditable(editable)
  }

  applyEditable (view) {
    view.textarea.readOnly = !this.editable
    view.checkbox.disabled = !this.editable
    view.actions.hidden = !this.editable
  }

  sectionFor (question) {
    if (this.sections.has(question)) return this.sections.get(question)
    // A point under a question this page doesn't list (removed since): an "other" section.
    const other = this.root.querySelector('[data-other-points]')
    if (!other) return null
    other.hidden = false
    const entry = { section: other, list: other.querySelector('[data-points]'), empty: null, add: null }
    this.sections.set(question, entry)
    return entry
  }

  createView (ymap) {
    const { t, maxPointChars, actions } = this
    const id = `point-${++this.domCounter}`
    const label = element('label', { class: 'note-point__label', for: id })
    const textarea = element('textarea', { id, class: 'note-point__text', rows: '3' })
    const checkbox = element('input', { type: 'checkbox', id: `${id}-takeaway`, class: 'note-point__takeaway' })
    const takeawayLabel = element('label', { for: `${id}-takeaway`, class: 'note-point__takeaway-label' })
    const takeawayFor = element('span', { class: 'visually-hidden' })
    takeawayLabel.append(element('span', { text: t('takeaway') }), takeawayFor)
    const up = pointButton('up', t('move_up'))
    const down = pointButton('down', t('move_down'))
    const remove = pointButton('delete', t('delete'))
    const buttons = element('div', { class: 'note-point__actions' }, up, down, remove)
    const editors = element('p', { class: 'note-point__editors', hidden: true })
    const field = pointField(textarea, { max: maxPointChars, t })
    const li = element('li', { class: 'note-point' }, label, textarea, field.counter, editors,
      element('div', { class: 'note-point__controls' },
        element('div', { class: 'note-point__takeaway-field' }, checkbox, takeawayLabel), buttons))
    const view = { li, label, textarea, field, editors, checkbox, takeawayFor, up, down, remove, actions: buttons, ymap, binding: null }
    view.binding = bindTextarea(textarea, ymap.get('text'), LOCAL, {
      maxLength: maxPointChars, onCut: actions.cut, onValue: field.refresh
    })
    field.refresh()
    checkbox.addEventListener('change', () => actions.takeaway(view, checkbox.checked))
    up.addEventListener('click', () => actions.move(view, -1))
    down.addEventListener('click', () => actions.move(view, +1))
    remove.addEventListener('click', () => actions.remove(view))
    textarea.addEventListener('focus', () => actions.editing(view.ymap.get('id')))
    textarea.addEventListener('blur', () => actions.editing(null))
    this.applyEditable(view)
    return view
  }

  /** The view that now shows `li` (a moved point keeps its element under a new Y.Map). */
  viewOf (li) {
    return [...this.views.values()].find((candidate) => candidate.li === li)
  }

  /**
   * Bring the DOM in step with `points`. Returns the view that had focus and was deleted by
   * someone else (`localChange` false), after moving focus near it; else null.
   */
  render (points, localChange = false) {
    if (!this.live) return null
    const active = document.activeElement
    const activeView = [...this.views.values()].find((view) => view.li.contains(active))
    const activeRole = activeView ? roleOf(active, activeView) : null
    const selection = activeRole === 'text' ? [active.selectionStart, active.selectionEnd] : null

    const byQuestion = groupPoints(points, isPoint)
    const keep = new Set()
    for (const [question, entries] of byQuestion) {
      const target = this.sectionFor(question)
      if (!target) continue
      entries.forEach(({ key, ymap }, index) => {
        keep.add(key)
        let view = this.views.get(key)
        if (!view) {
          view = this.createView(ymap)
          this.views.set(key, view)
        } else if (view.ymap !== ymap) {
          view.ymap = ymap
          view.binding.rebind(ymap.get('text'))
        }
        this.updateView(view, index, entries.length, question)
        if (target.list.children[index] !== view.li) target.list.insertBefore(view.li, target.list.children[index] || null)
      })
    }
    let lost = null
    for (const [key, view] of this.views) {
      if (keep.has(key)) continue
      if (view === activeView) lost = view
      view.binding.unbind()
      view.field.dispose()
      view.li.remove()
      this.views.delete(key)
    }
    if (lost && !localChange) {
      // Someone else deleted the point this person was in: put focus somewhere near.
      const next = siblings(this.views.values(), lost.question)[lost.index]
      if (next) next.textarea.focus()
      else (this.sectionFor(lost.question)?.add || this.root).focus()
    }
    for (const [question, { list, empty }] of this.sections) {
      if (empty) empty.hidden = list.children.length > 0
      if (!byQuestion.has(question)) list.replaceChildren()
    }
    this.renderEditors()
    // A moved element loses focus when the DOM moves it; put it back where it was.
    if (activeView && !lost && !localChange && document.activeElement !== active) {
      const view = this.viewOf(activeView.li)
      if (view) this.focusRole(view, activeRole, selection)
    }
    return lost && !localChange ? lost : null
  }

  updateView (view, index, count, question) {
    const row = pointRow(index, count, question, this.t)
    view.index = index
    view.question = question
    view.label.textContent = row.name
    view.takeawayFor.textContent = ` (${row.name})`
    for (const button of [view.up, view.down, view.remove]) button.hiddenPart.textContent = `: ${row.name}`
    view.checkbox.checked = view.ymap.get('takeaway') === true
    view.li.classList.toggle('note-point--takeaway', view.checkbox.checked)
    view.up.disabled = row.first
    view.down.disabled = row.last
  }

  /** "Anna is writing here" under a point others have their cursor in (shown, not announced). */
  renderEditors () {
    const byPoint = this.writers()
    for (const view of this.views.values()) {
      const names = byPoint.get(view.ymap.get('id'))
      const text = editorsText(names, this.t)
      if (view.editors.textContent !== text) view.editors.textContent = text
      view.editors.hidden = !names
    }
  }

  focusRole (view, role, selection) {
    const target = view[focusControl(role, { upDisabled: view.up.disabled, downDisabled: view.down.disabled })]
    target.focus()
    if (role === 'text' && selection) target.setSelectionRange(selection[0], selection[1])
  }

  /** Focus for the point `id` just added. */
  focusPoint (id) {
    const view = this.views.get(id)
    if (view) view.textarea.focus()
  }

  /** Focus after deleting the point at `position` under `question`: `next` (view-model), else the add button. */
  focusNear (next, question) {
    if (next) next.textarea.focus()
    else this.sectionFor(question)?.add?.focus()
  }
}
