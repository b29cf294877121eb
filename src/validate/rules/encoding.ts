import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule('encoding', 'Files must be valid UTF-8.');
