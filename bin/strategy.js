#!/usr/bin/env node
// The command line runs its TypeScript sources directly: Node strips the types as it loads them (Node 22.18 and
// later, 24 LTS included), so there is no compile step and no second loader. The same modules run in the tests
// (through vitest) and in the PDF worker. They are imported once Node's compile cache is on (compile-cache.js).
import './compile-cache.js';

// A reader that stops reading (`strategy diff … | head`) closes the pipe: the rest of the output has nowhere to go,
// which is the end of the command, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
