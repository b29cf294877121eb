/** A spelling checker for one language, the same shape whatever does the work (Hunspell for Swedish, Voikko for Finnish). */
export interface Speller {
  lang: string;
  /** Whether the checker can run on this machine. */
  available(): boolean;
  /** Why it cannot, when it cannot: the one thing the spelling rule says about a language it skips. */
  unavailableReason?(): string | undefined;
  correct(word: string): boolean;
  suggest(word: string): string[];
}
