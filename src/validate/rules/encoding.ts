import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule('encoding');
