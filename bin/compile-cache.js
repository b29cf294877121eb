// Node's module compile cache (node:module, documented): from the second run on, Node takes our stripped TypeScript
// and its compiled code, and that of our dependencies, from a cache under the system's temporary folder instead of
// stripping and compiling them again. The processes a command starts (Astro's build, the PDF renderer) inherit it
// through NODE_COMPILE_CACHE. NODE_COMPILE_CACHE=<dir> moves it; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Import this before any TypeScript module (with import() after it), so that those too come from the cache.
import { enableCompileCache, getCompileCacheDir } from 'node:module';

enableCompileCache();
const directory = getCompileCacheDir();
if (directory) process.env.NODE_COMPILE_CACHE = directory;
