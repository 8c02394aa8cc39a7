// Unit tests of the textarea binding's pure helpers: `npm test`.
import { test } from 'node:test'
import { diffStrings, transformPosition } from '../src/lib/textarea-binding.js'
import assert from 'node:assert'
test('diff and caret transform', () => {
  assert.deepStrictEqual(diffStrings('abc', 'abXc'), { index: 2, remove: 0, insert: 'X' })
  assert.deepStrictEqual(diffStrings('aaa', 'aa'), { index: 2, remove: 1, insert: '' })
  assert.deepStrictEqual(diffStrings('hello world', 'hello there world'), { index: 6, remove: 0, insert: 'there ' })
  assert.deepStrictEqual(diffStrings('😀😀', '😀😁😀').insert.length % 2, 0)
  // caret at 5; remote insert 3 chars at 2 -> 8
  assert.strictEqual(transformPosition(5, [{ retain: 2 }, { insert: 'abc' }]), 8)
  // remote insert after caret -> unchanged
  assert.strictEqual(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }]), 5)
  // remote delete before caret
  assert.strictEqual(transformPosition(5, [{ retain: 1 }, { delete: 2 }]), 3)
  // delete spanning the caret
  assert.strictEqual(transformPosition(5, [{ retain: 3 }, { delete: 4 }]), 3)
  // insert at caret, collapsed -> pushes
  assert.strictEqual(transformPosition(5, [{ retain: 5 }, { insert: 'x' }]), 6)
  assert.strictEqual(transformPosition(5, [{ retain: 5 }, { insert: 'x' }], true), 5)
  // delete then insert
  assert.strictEqual(transformPosition(10, [{ retain: 2 }, { delete: 3 }, { insert: 'ab' }]), 9)
})
