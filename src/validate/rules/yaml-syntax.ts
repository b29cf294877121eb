import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule('yaml-syntax', 'Front-matter must be well-formed YAML: no tabs, no duplicate keys, no alias bombs.');
