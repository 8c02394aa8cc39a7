// `npm run lint`: a small lint with no packages, run by tests/frontend/test_lint.py.
// Every file must parse (`node --check`), and may not have an unused import, a console.log, a
// `var` or a `debugger`. With no arguments it checks src/, test/ and the scripts here.

import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = fileURLToPath(new URL('.', import.meta.url))
// After these a slash starts a regular expression, not a division.
const BEFORE_REGEX = /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(return|typeof|case|of|in|void|delete|new|throw))\s*$/

/**
 * The source with comments blanked out (`code`), and also with the insides of strings, templates
 * and regular expressions blanked out (`bare`); the code inside `${...}` is kept in both.
 */
export function strip (source) {
  let code = ''
  let bare = ''
  const braces = [] // for each open `${`, the depth of braces inside it
  let i = 0
  const keep = (text, inBare = text) => { code += text; bare += inBare }
  const blank = (text) => text.replace(/[^\n]/g, ' ')
  while (i < source.length) {
    const c = source[i]
    const next = source[i + 1]
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i)
      const stop = end < 0 ? source.length : end
      keep(blank(source.slice(i, stop)))
      i = stop
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end < 0 ? source.length : end + 2
      keep(blank(source.slice(i, stop)))
      i = stop
    } else if (c === '"' || c === "'" || (c === '/' && BEFORE_REGEX.test(code))) {
      let j = i + 1
      let inClass = false
      while (j < source.length && source[j] !== '\n') {
        if (source[j] === '\\') j += 2
        else if (c === '/' && source[j] === '[') { inClass = true; j++ } else if (c === '/' && source[j] === ']') { inClass = false; j++ } else if (source[j] === c && !inClass) break
        else j++
      }
      const literal = source.slice(i, j + 1)
      keep(literal, c + blank(literal.slice(1, -1)) + c)
      i = j + 1
    } else if (c === '`' || (c === '}' && braces.length && braces[braces.length - 1] === 0)) {
      // A template, or the rest of one after a `${...}`.
      if (c === '}') braces.pop()
      let j = i + 1
      while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) j += source[j] === '\\' ? 2 : 1
      const opens = source[j] === '$'
      const stop = opens ? j + 2 : j + 1
      const literal = source.slice(i, stop)
      keep(literal, c + blank(literal.slice(1, opens ? -2 : -1)) + (opens ? '${' : '`'))
      if (opens) braces.push(0)
      i = stop
    } else {
      if (braces.length && c === '{') braces[braces.length - 1]++
      if (braces.length && c === '}') braces[braces.length - 1]--
      keep(c)
      i++
    }
  }
  return { code, bare }
}

const IMPORT = /\bimport\s+([\s\S]*?)\s+from\s+(['"])[^'"]*\2/g

/** The names an import statement's clause binds: `X`, `* as X`, `{ a, b as c }`. */
function importedNames (clause) {
  const names = []
  const braces = clause.match(/\{([\s\S]*)\}/)
  if (braces) {
    for (const part of braces[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()
      if (name) names.push(name)
    }
  }
  const rest = clause.replace(/\{[\s\S]*\}/, '').replace(/\*\s*as\s+/, '')
  for (const part of rest.split(',')) if (part.trim()) names.push(part.trim())
  return names
}

/** Problems in one file's source: [{line, message}]. */
export function lintSource (source) {
  const { code, bare } = strip(source)
  const problems = []
  const lineOf = (index) => code.slice(0, index).split('\n').length
  for (const match of code.matchAll(IMPORT)) {
    // A name in a string or a comment is no use of it.
    const rest = bare.slice(0, match.index) + ' '.repeat(match[0].length) + bare.slice(match.index + match[0].length)
    for (const name of importedNames(match[1])) {
      const used = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(rest)
      if (!used) problems.push({ line: lineOf(match.index), message: `unused import: ${name}` })
    }
  }
  const rules = [
    [/\bconsole\s*\.\s*log\b/g, 'console.log left in'],
    [/(^|[^\w$.])var\s+[\w$[{]/g, '`var`: use const or let'],
    [/(^|[^\w$.])debugger\b/g, 'debugger left in']
  ]
  for (const [pattern, message] of rules) {
    for (const match of bare.matchAll(pattern)) problems.push({ line: lineOf(match.index + match[0].search(/\S/)), message })
  }
  return problems.sort((a, b) => a.line - b.line)
}

function sourceFiles () {
  const walk = (folder) => readdirSync(join(HERE, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)])
  return [...walk('src'), ...walk('test'), 'build.mjs', 'lint.mjs']
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => join(HERE, name))
}

function main (files) {
  let failed = 0
  for (const file of files) {
    const name = relative(process.cwd(), file)
    try {
      execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })
    } catch (error) {
      failed++
      process.stderr.write(`${name}: does not parse\n${error.stderr}\n`)
      continue
    }
    for (const { line, message } of lintSource(readFileSync(file, 'utf8'))) {
      failed++
      process.stderr.write(`${name}:${line}: ${message}\n`)
    }
  }
  process.stdout.write(`${files.length} files checked, ${failed} problems\n`)
  process.exitCode = failed ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.length > 2 ? process.argv.slice(2) : sourceFiles())
}
