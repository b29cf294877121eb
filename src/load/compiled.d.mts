// Types of compiled.mjs (JavaScript, because it runs before anything could compile TypeScript).

export declare const projectRoot: string;
export declare const ENTRIES: { cli: string; site: string };

export interface CompiledDirOptions {
  /** The project (default: this one). */
  root?: string;
  /** Where compiled folders are kept (default: <root>/node_modules/.cache/strategy-compiled). */
  cacheDir?: string;
  /** Entry points by output name, as paths relative to root (default: ENTRIES). */
  entries?: Record<string, string>;
}

export declare function compiledDir(options?: CompiledDirOptions): Promise<string | undefined>;
export declare function importEntry(entry: keyof typeof ENTRIES): Promise<Record<string, unknown>>;
