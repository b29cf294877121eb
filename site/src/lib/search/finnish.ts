/**
 * The base forms a Finnish word may be an inflected form of: its ending taken off (case, number, possessive suffix,
 * clitic) and its stem restored, with consonant gradation undone in either direction (kotihoidossa → kotihoido →
 * kotihoito; tavoitteen → tavoittee → tavoite; tarpeisiin → tarpee → tarve). Most readings are no words at all:
 * words.ts keeps only the base forms that occur on the site, which the build found with Voikko. Each reading has a
 * cost (one for each change to the stem), and the cheapest base form the site has wins.
 */

const vowels = 'aeiouyäö';
const isVowel = (char: string | undefined) => char !== undefined && vowels.includes(char);

/** Back-vowel endings; each is also tried with front vowels (ssa → ssä), as vowel harmony has it. */
const singularEndings = ['', 'n', 't', 'ssa', 'sta', 'lla', 'lta', 'lle', 'ksi', 'na', 'tta', 'a', 'ta', 'seen', 'tse', 'sti'];
const pluralEndings = ['issa', 'ista', 'illa', 'ilta', 'ille', 'iksi', 'ina', 'itta', 'ine', 'ihin', 'iin', 'isiin', 'ja', 'ita', 'ia', 'ien', 'jen', 'iden', 'itten', 'ten', 'in', 'i'];
/** Passive and personal endings of verbs: järjestetään → järjeste(tään), tarjoamme → tarjoa(mme). */
const verbEndings = ['taan', 'daan', 'tiin', 'ttiin', 'vat'];
const clitics = ['kin', 'kaan', 'han', 'pa', 'ko'];
const possessives = ['ni', 'si', 'mme', 'nne', 'nsa'];
/** Comparative and superlative: suuremma(t) → suure, tärkeimmä(t) → tärke, yleisimpä(än) → yleis. */
const comparison = /(?:i?mp[aiä]|i?mm[aiä]|i?mm)$/;

/**
 * Words that never stand for another word's base form: pronouns, conjunctions and the commonest verbs, which short
 * stems would otherwise hit (tuen is not tuo, joiden is not jo). They are still found as themselves.
 */
const functionWords = new Set(['ja', 'jo', 'ei', 'on', 'olla', 'se', 'ne', 'tuo', 'nuo', 'tämä', 'nämä', 'joka', 'jokin', 'jos', 'kun', 'koska', 'mikä', 'mitä', 'me', 'te', 'he', 'hän', 'minä', 'sinä', 'että', 'mutta', 'tai', 'sekä', 'myös', 'niin', 'kuin', 'vain', 'nyt', 'siis', 'ne', 'itse', 'oma', 'eri']);

const front = (ending: string) => ending.replace(/a/g, 'ä').replace(/o/g, 'ö').replace(/u/g, 'y');
const withHarmony = (list: readonly string[]) => [...new Set(list.flatMap((ending) => [ending, front(ending)]))];
const caseEndings = withHarmony([...singularEndings, ...pluralEndings, ...verbEndings]).sort((a, b) => b.length - a.length);
const cliticEndings = withHarmony(clitics);
const possessiveEndings = withHarmony(possessives);

/** Consonant gradation, weak grade ↔ strong grade, at the onset of a stem's last syllable. */
const gradation: readonly (readonly [string, string])[] = [
  ['k', 'kk'], ['p', 'pp'], ['t', 'tt'],
  ['d', 't'], ['v', 'p'], ['ng', 'nk'], ['mm', 'mp'], ['nn', 'nt'], ['ll', 'lt'], ['rr', 'rt'],
  ['lj', 'lk'], ['rj', 'rk'], ['h', 'hk'], ['l', 'lk'], ['r', 'rk'], ['', 'k'],
];

export interface Candidate {
  lemma: string;
  cost: number;
}

/** The word without its clitic and possessive suffix, each reading with what it cost. */
function withoutSuffixes(word: string): Candidate[] {
  const found: Candidate[] = [{ lemma: word, cost: 0 }];
  for (const clitic of cliticEndings) if (word.length > clitic.length + 2 && word.endsWith(clitic)) found.push({ lemma: word.slice(0, -clitic.length), cost: 1 });
  for (const { lemma, cost } of [...found]) {
    for (const suffix of possessiveEndings) if (lemma.length > suffix.length + 2 && lemma.endsWith(suffix)) found.push({ lemma: lemma.slice(0, -suffix.length), cost: cost + 1 });
  }
  return found;
}

/** Stems left when a case and number ending is taken off: plain endings, and the illatives that repeat the stem's vowel. */
function stems(word: string): string[] {
  const found = new Set<string>();
  for (const ending of caseEndings) if (word.length > ending.length + 1 && word.endsWith(ending)) found.add(word.slice(0, word.length - ending.length));
  // Illative singular: kotiin → koti, taloon → talo; with h: maahan → maa, työhön → työ.
  const illative = /^(.+?([aeiouyäö]))h?\2n$/.exec(word);
  if (illative) found.add(illative[1]!);
  for (const stem of [...found]) if (stem.length > 5 && comparison.test(stem)) found.add(stem.replace(comparison, ''));
  return [...found];
}

/** What a stem may have been in the base form: its last vowel changed, dropped or added, and the stem classes that change more. */
function restorations(stem: string): Candidate[] {
  const found: Candidate[] = [{ lemma: stem, cost: 0 }];
  const add = (lemma: string, cost: number) => {
    if (lemma.length > 1) found.push({ lemma, cost });
  };
  const last = stem.at(-1);
  const a = /[aou]/.test(stem) ? 'a' : 'ä';
  if (isVowel(last)) {
    // A vowel of the ending taken for the stem's, or the other way round: cheaper readings come from the rules below.
    for (const vowel of vowels) if (vowel !== last) add(stem.slice(0, -1) + vowel, 2);
    add(stem.slice(0, -1), 2);
    add(stem + last, 1); // kotoutuminen → kotoutu → kotoutua (below); järjestä(mme) → järjestää
    add(stem + a, 1); // tärke(immät) → tärkeä, tuke(minen) → tukea
  } else {
    for (const vowel of 'iaäeouy') add(stem + vowel, 1); // laps(ille) → lapsi, vaativ(ampi) → vaativa
  }
  // Rules for nouns and adjectives cost 1; those that read the stem as a verb's (which a search rarely means) cost 2.
  const rules: [RegExp, string, number?][] = [
    [/ee$/, 'e'], // tavoittee(n) → tavoitte → tavoite
    [/([aäei])\1$/, '$1s'], // asiakkaa(n) → asiakkas → asiakas, kaunii(n) → kaunis
    [/([aäeiouy])$/, '$1s'], // asiakka(issa) → asiakkas
    [/se$|s$|si$/, 'nen'], // ihmise(n), ihmis(ten), strategise(sti) → ihminen, strateginen
    [/kse$|ks$|ksi$/, 's'], // kuntoutukse(n), kuntoutuks(issa) → kuntoutus
    [/([uy])de$|([uy])te$|([uy])t$/, '$1$2$3s'], // terveyde(n), turvallisuute(en), terveyt(tä) → terveys
    [/de$|te$|t$/, 'si'], // vuode(n), vuot(ta) → vuosi
    [/s$/, 'psi'], // las(ten) → lapsi
    [/nee$|ne$/, 'nut'], // ikääntynee(t), ikääntyne(iden) → ikääntynyt (front vowels below)
    [/me$/, 'n'], // avaime(n) → avain, sydäme(n) → sydän
    [/([uy])e$/, '$1t'], // lyhye(n) → lyhyt, kevye(mpiin) → kevyt
    [/oi$|o$/, 'a'], // sairaalo(issa) → sairaala
    [/öi$|ö$/, 'ä'], // työntekijö(iden) → työntekijä
    [/e$/, 'i'], // mittare(issa), lapse(n) → mittari, lapsi
    [/e$/, a + a, 2], // järjeste(tään), jatke(taan) → järjestää, jatkaa
    [/([aäeiouyö])\1$/, `$1t${a}`, 2], // ohjaa(minen), lisää(minen) → ohjata, lisätä
    [/([aäeiouyö])$/, `$1t${a}`, 2], // tarjoa(mme) → tarjota
    [/mise$|mis$|minen$/, '', 2], // järjestämise(stä) → järjestä → järjestää (the verb is its base form)
  ];
  for (const [pattern, replacement, cost = 1] of rules) {
    if (!pattern.test(stem)) continue;
    const restored = stem.replace(pattern, replacement);
    const harmonised = /[äöy]/.test(stem) ? restored.replace(/nut$/, 'nyt') : restored;
    add(harmonised, cost);
    // A verb's stem before -minen takes the infinitive's ending: järjestä → järjestää, tuke → tukea, ohjaa → ohjata.
    if (replacement === '' && isVowel(harmonised.at(-1))) {
      add(harmonised + a, cost);
      if (/([aäeiouyö])\1$/.test(harmonised)) add(`${harmonised.slice(0, -1)}t${a}`, cost);
    }
  }
  return found;
}

/** The word with the onset of its last syllable in the other grade: kotihoido → kotihoito, tavoitte → tavoite. */
function regraded(word: string): string[] {
  // The last consonants before the last vowels (and a final consonant or two): koti-hoi|d|o, tavoi|tt|e, asia|kk|as.
  const match = /^(.*?[aeiouyäö])([^aeiouyäö]*)([aeiouyäö]+[^aeiouyäö]{0,2})$/.exec(word);
  if (!match) return [];
  const [, head, onset, tail] = match as unknown as [string, string, string, string];
  const found: string[] = [];
  for (const [weak, strong] of gradation) {
    // Only the onset's end takes part: the l of "lj" or the n of "nk" may close the syllable before.
    if (onset.endsWith(weak) && (weak !== '' || onset === '')) found.push(head + onset.slice(0, onset.length - weak.length) + strong + tail);
    if (strong !== '' && onset.endsWith(strong)) found.push(head + onset.slice(0, onset.length - strong.length) + weak + tail);
  }
  // tue(sta) → tuki, joe(n) → joki: a k lost between two vowels.
  const hiatus = /^(.*[^aeiouyäö])([aeiouyäö])([aeiouyäö][^aeiouyäö]{0,2})$/.exec(word);
  if (hiatus && hiatus[2] !== hiatus[3]![0]) found.push(`${hiatus[1]}${hiatus[2]}k${hiatus[3]}`);
  // luvu(n) → luku, kyvy(n) → kyky: k → v between two u or two y.
  const uvu = /^(.*)([uy])v\2([^aeiouyäö]?)$/.exec(word);
  if (uvu) found.push(`${uvu[1]}${uvu[2]}k${uvu[2]}${uvu[3]}`);
  return found.filter((form) => form !== word);
}

/** Every reading of a word as a base form and its cost, cheapest first; the word itself comes first, at no cost. */
export function lemmaCandidates(word: string): Candidate[] {
  const best = new Map<string, number>();
  const note = (lemma: string, cost: number) => {
    if (lemma.length < 2 || (lemma !== word && functionWords.has(lemma))) return;
    const known = best.get(lemma);
    if (known === undefined || cost < known) best.set(lemma, cost);
  };
  for (const bare of withoutSuffixes(word)) {
    for (const stem of stems(bare.lemma)) {
      for (const restored of restorations(stem)) {
        const cost = bare.cost + restored.cost;
        note(restored.lemma, cost);
        for (const graded of regraded(restored.lemma)) note(graded, cost + 1);
      }
    }
  }
  return [...best].map(([lemma, cost]) => ({ lemma, cost })).sort((a, b) => a.cost - b.cost || b.lemma.length - a.lemma.length);
}
