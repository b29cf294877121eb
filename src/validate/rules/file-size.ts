import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule('file-size', 'A strategy file is at most 1 MiB; larger files are not parsed.');
