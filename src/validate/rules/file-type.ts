import { parseProblemRule } from './parse-problems.ts';

export default parseProblemRule('file-type', 'Strategy files are regular files: a directory or symbolic link named `x.sv.md` is never read.');
