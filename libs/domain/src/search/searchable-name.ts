/**
 * One spelling for searching names written in Arabic script (Sorani, Badini, Arabic) or Latin
 * letters. Staff type names on Arabic keyboards without the Kurdish letters, with or without
 * diacritics and hamza seats, and with either yeh, kaf or heh: every variant of a letter folds to
 * one form, and Sorani's written short vowels are dropped, so "أحمد", "احمد" and "ئەحمەد" meet. Doubled letters (Sorani writes û as وو) fold to one.
 */
const FOLDS: Record<string, string> = {
  // alef forms and hamza seats
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ئ': 'ی', 'ء': '',
  // yeh forms: Arabic yeh, alef maksura, Farsi yeh, Kurdish ê, yeh barree
  'ي': 'ی', 'ى': 'ی', 'ێ': 'ی', 'ے': 'ی', 'ۍ': 'ی',
  // heh forms and teh marbuta (Kurdish ە is handled before, as a vowel)
  'ھ': 'ه', 'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه',
  // kaf forms and the Kurdish letters an Arabic keyboard lacks
  'ك': 'ک', 'گ': 'ک', 'ڪ': 'ک',
  'ۆ': 'و', 'ۊ': 'و', 'ۉ': 'و',
  'ڕ': 'ر', 'ڵ': 'ل', 'ڤ': 'ف', 'پ': 'ب', 'چ': 'ج', 'ژ': 'ز',
};

// Arabic harakat, superscript alef, Quranic marks, tatweel, zero-width joiners and marks.
const IGNORED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u2066-\u2069]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function searchableName(name: string): string {
  const folded = name
    // Arabic keyboards write Sorani ە as heh and a zero-width non-joiner.
    .replace(/ه\u200C/g, 'ە')
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC')
    .replace(IGNORED, '')
    .replace(ARABIC_INDIC_DIGITS, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90 % 10))
    .toLowerCase()
    // A word-initial ئ only carries a vowel (Sorani ئاسۆ, Arabic آسو): it is an alef there.
    .replace(/(^|[^\p{L}])ئ/gu, '$1ا')
    // Sorani writes the short vowel ە that Arabic leaves out (ئەحمەد, أحمد; ڕەسوڵ, رسول); at the
    // end of a word it stands where Arabic has ة or ه (فاتیمە, فاطمة).
    .replace(/ە(?=\p{L})/gu, '')
    .replace(/ە/g, 'ه')
    .replace(/./gu, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/(\p{L})\1+/gu, '$1');
}
