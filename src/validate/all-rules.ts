import type { Rule } from './rule.ts';
import fileType from './rules/file-type.ts';
import strayFile from './rules/stray-file.ts';
import fileSize from './rules/file-size.ts';
import encoding from './rules/encoding.ts';
import yamlSyntax from './rules/yaml-syntax.ts';
import missingFrontMatter from './rules/missing-front-matter.ts';
import unknownKind from './rules/unknown-kind.ts';
import frontMatterSchema from './rules/front-matter-schema.ts';
import numberRange from './rules/number-range.ts';
import duplicateId from './rules/duplicate-id.ts';
import reservedId from './rules/reserved-id.ts';
import linkTarget from './rules/link-target.ts';
import parentKind from './rules/parent-kind.ts';
import cycle from './rules/cycle.ts';
import unlinkedTarget from './rules/unlinked-target.ts';
import expectedChildren from './rules/expected-children.ts';
import twinMissing from './rules/twin-missing.ts';
import hiddenCharacters from './rules/hidden-characters.ts';
import unicodeNormalisation from './rules/unicode-normalisation.ts';
import rawHtml from './rules/raw-html.ts';
import unsafeLink from './rules/unsafe-link.ts';
import pdfLimits from './rules/pdf-limits.ts';
import neutralData from './rules/neutral-data.ts';
import structureAligned from './rules/structure-aligned.ts';
import numbersAgree from './rules/numbers-agree.ts';
import wrongLanguage from './rules/wrong-language.ts';
import untranslated from './rules/untranslated.ts';
import translationOutdated from './rules/translation-outdated.ts';
import translationStampMissing from './rules/translation-stamp-missing.ts';
import lengthRatio from './rules/length-ratio.ts';
import terminology from './rules/terminology.ts';
import glossaryBaseForm from './rules/glossary-base-form.ts';
import glossaryEntry from './rules/glossary-entry.ts';
import spelling from './rules/spelling.ts';
import councilReadiness from './rules/council-readiness.ts';

/**
 * Every rule `check` runs, each defined in its own file under rules/ with what it reads (its scope), its severity and
 * its messages; this list is their one registry and the order their messages are most useful to read: the files and
 * their structure first, then the language versions of each item compared, then the glossary's terms, spelling, and
 * last whether the strategy can go to the council.
 */
export const allRules: readonly Rule[] = [
  // One file, its front matter and the graph's ids, links and hierarchy.
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
  // The language versions of each item, compared.
  neutralData,
  structureAligned,
  numbersAgree,
  wrongLanguage,
  untranslated,
  translationOutdated,
  translationStampMissing,
  lengthRatio,
  terminology,
  glossaryEntry,
  glossaryBaseForm,
  spelling,
  councilReadiness,
];
