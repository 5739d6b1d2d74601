// Runs dynalite in memory on 127.0.0.1 for the sandbox, the tests and the benchmarks.
// Usage: node serve.js [port]   (port 0 or absent: the system picks a free one)
// Prints one line "listening <port>" on stdout once it accepts connections.
// It exits when its standard input closes, so it never outlives the process that started it,
// even when that process is killed with SIGKILL and cannot clean up.
'use strict'

const dynalite = require('dynalite')

const requested = Number(process.argv[2] || 0)
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  console.error(`serve.js: port must be an integer from 0 to 65535, got '${process.argv[2]}'`)
  process.exit(2)
}

// Tables are ACTIVE at once: the 500 ms default only slows tests down.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })

server.on('error', (err) => {
  console.error(`serve.js: cannot listen on 127.0.0.1:${requested}: ${err.message}`)
  process.exit(1)
})

server.listen(requested, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`)
})

process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
process.on('SIGTERM', () => process.exit(0))
process.on('SIGINT', () => process.exit(0))
