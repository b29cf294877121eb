/**
 * The command line in this process: main() with the given arguments, as bin/strategy.js calls it, from `cwd` when
 * given, with what it prints captured. The same exit code, output and messages as the process, without starting
 * Node for each call; tests about the process itself (start-up, umask, signals) spawn bin/strategy.js instead.
 */
import { main } from '../../src/cli.ts';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Whether a run is under way: a run changes the process's working folder, so two at once would leave it wrong. */
let running = false;

export async function runMain(args: readonly string[], options: { cwd?: string } = {}): Promise<MainRun> {
  if (running) throw new Error('runMain runs one command at a time (it changes the working folder): await each run before the next');
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  running = true;
  try {
    if (options.cwd) process.chdir(options.cwd);
    const code = await main([...args], { out: (text: string) => (stdout += text), err: (text: string) => (stderr += text) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    running = false;
  }
}
