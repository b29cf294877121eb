import type { YamlPath } from './types.ts';

/** The front-matter path of an ajv error's `instancePath` (a JSON Pointer: `/targets/0/value` → ['targets', 0, 'value']). */
export function pathOf(instancePath: string): YamlPath {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
