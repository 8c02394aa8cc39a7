// Hocuspocus as its documentation starts it, with its SQLite persistence: the Yjs server that
// bench/side_by_side.py measures Sakråd's live notes against. Started and stopped by the harness:
//
//   node bench/hocuspocus/server.mjs --port 8760 --database /tmp/hocuspocus.sqlite
//
// Defaults kept on purpose (a fair comparison is with Hocuspocus as people run it): the document
// is stored debounced (2 s, at most 10 s), not before an update is relayed as Sakråd's log does.
// Any client is let in: the benchmark compares the relay, not the sign-in.

import { parseArgs } from 'node:util'
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8760' },
    address: { type: 'string', default: '127.0.0.1' },
    database: { type: 'string', default: 'hocuspocus-bench.sqlite' }
  }
})

const server = new Server({
  port: Number(values.port),
  address: values.address,
  quiet: true,
  extensions: [new SQLite({ database: values.database })],
  async onListen () {
    // In the log; the harness itself waits until the port answers.
    process.stdout.write(`hocuspocus ready on ${values.address}:${values.port}, pid ${process.pid}\n`)
  }
})

server.listen()
