/** Letters that Unicode decomposition does not reduce to ASCII. */
const special: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };

/**
 * A lower-case ASCII slug for an id or a file name: `Äldres boende på gården` → `aldres-boende-pa-garden`.
 * Cut at a word boundary when longer than `maxLength`.
 */
export function slugify(text: string, maxLength = 48): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ßæøœđłþ]/g, (letter) => special[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
}
