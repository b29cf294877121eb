/** How many cases each fast-check property runs: `FUZZ_RUNS=20000 npx vitest run test/i18n` for a long soak. */
export const FUZZ_RUNS = ((): number => {
  const parsed = Number.parseInt(process.env.FUZZ_RUNS ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 200;
})();
