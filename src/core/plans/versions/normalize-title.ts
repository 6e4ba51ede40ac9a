/**
 * Title normalisation and tokens for matching. Works on any script: it keeps letters, combining marks
 * and digits of every alphabet (Hangul, Han, Cyrillic…) and drops the rest.
 */

const MARKDOWN_IMAGE_OR_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
// Letters, combining marks (Devanagari vowel signs, Hangul jamo…) and digits; everything else separates words.
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
// Scripts written without spaces between words: a run of them is cut into overlapping character pairs.
const UNSPACED_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/u;
const UNSPACED_SPLIT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+)/u;

/**
 * The title reduced to what a person reads: Unicode NFKC (full-width and compatibility forms folded,
 * decomposed Hangul composed), lower case, Markdown links and HTML tags reduced to their text,
 * punctuation, symbols and emoji turned into spaces, whitespace collapsed, and the Russian "ё" folded
 * to "е" as writers use both. Diacritics are kept: stripping marks would corrupt scripts written with them.
 *
 * @example normalizeTitle('**Set up** `CI` — GitHub Actions!') === 'set up ci github actions'
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(MARKDOWN_IMAGE_OR_LINK, ' $1 ')
    .replace(HTML_TAG, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(NOT_WORD, ' ')
    .trim();
}

/**
 * Word tokens of a normalised title. Runs of Han, kana, Thai and similar scripts, which have no spaces,
 * become overlapping character pairs ("实现用户登录" → "实现", "现用", "用户", "户登", "登录"), so adding a
 * word to a Chinese title is an added token as it is in English. Iterates code points, never UTF-16 halves.
 *
 * @example titleTokens('add 用户登录') → ['add', '用户', '户登', '登录']
 */
export function titleTokens(normalized: string): string[] {
  const tokens: string[] = [];
  for (const word of normalized.split(' ')) {
    for (const part of word.split(UNSPACED_SPLIT)) {
      if (part === '') continue;
      if (!UNSPACED_RUN.test(part)) {
        tokens.push(part);
        continue;
      }
      const chars = [...part];
      if (chars.length === 1) tokens.push(part);
      for (let index = 1; index < chars.length; index += 1) tokens.push(`${chars[index - 1]}${chars[index]}`);
    }
  }
  return tokens;
}

/** Character bigrams of a token padded with a space on both sides ("ab" → " a", "ab", "b "). */
export function tokenBigrams(token: string): Set<string> {
  const chars = [' ', ...token, ' '];
  const grams = new Set<string>();
  for (let index = 1; index < chars.length; index += 1) grams.add(`${chars[index - 1]}${chars[index]}`);
  return grams;
}
