// `npm run build`: bundles src/*.js (one bundle per page) into ../static/js/<name>.bundle.js.
// The bundles are committed, so running the site needs no Node. `node build.mjs <folder>` writes
// them elsewhere instead (tests/frontend/test_bundles_match_source.py compares the two).
import { build } from 'esbuild'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const versions = ['yjs', 'y-websocket', 'y-indexeddb', 'y-protocols', 'lib0']
  .map((name) => `${name} ${JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version}`)
  .join(', ')
const banner = `/*! Sakråd live notes — built with \`npm run build\` in frontend/ (do not edit by hand).
 * Includes ${versions}: MIT License, Copyright (c) Kevin Jahns and contributors (https://github.com/yjs). */`

const entryPoints = readdirSync('src').filter((name) => name.endsWith('.js')).map((name) => `src/${name}`)
await build({
  entryPoints,
  outdir: process.argv[2] ? resolve(process.argv[2]) : '../static/js',
  entryNames: '[name].bundle',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  banner: { js: banner },
  logLevel: 'info'
})
