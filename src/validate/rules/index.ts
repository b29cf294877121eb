import type { Rule } from '../rule.ts';
import encoding from './encoding.ts';
import yamlSyntax from './yaml-syntax.ts';
import missingFrontMatter from './missing-front-matter.ts';
import unknownKind from './unknown-kind.ts';
import frontMatterSchema from './front-matter-schema.ts';
import numberRange from './number-range.ts';
import duplicateId from './duplicate-id.ts';
import linkTarget from './link-target.ts';
import parentKind from './parent-kind.ts';
import cycle from './cycle.ts';
import unlinkedTarget from './unlinked-target.ts';
import expectedChildren from './expected-children.ts';
import twinMissing from './twin-missing.ts';
import fileType from './file-type.ts';
import fileSize from './file-size.ts';
import hiddenCharacters from './hidden-characters.ts';
import unicodeNormalisation from './unicode-normalisation.ts';
import rawHtml from './raw-html.ts';
import unsafeLink from './unsafe-link.ts';
import strayFile from './stray-file.ts';
import reservedId from './reserved-id.ts';
import pdfLimits from './pdf-limits.ts';

/** Every rule, in the order their messages are most useful to read. */
export const structuralRules: readonly Rule[] = [
  fileType,
  strayFile,
  fileSize,
  encoding,
  yamlSyntax,
  missingFrontMatter,
  unknownKind,
  frontMatterSchema,
  numberRange,
  duplicateId,
  reservedId,
  linkTarget,
  parentKind,
  cycle,
  unlinkedTarget,
  expectedChildren,
  twinMissing,
  hiddenCharacters,
  unicodeNormalisation,
  rawHtml,
  unsafeLink,
  pdfLimits,
];
