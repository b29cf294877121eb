/** What every command is and how it ends: the shape src/cli.ts runs, its exit codes, and the error it reports as misuse. */
export const exitCodes = { clean: 0, problems: 1, usage: 2 } as const;

/** A mistake in how the command was called: reported with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command = (args: string[], io: { out: (text: string) => void; err: (text: string) => void }) => Promise<number>;
