import { MESSAGES } from './index';
import { en } from './en';

/** Every string of a catalogue, by its dotted key. */
function strings(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [inner, text] of strings(value as object, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the web app speaks Sorani, Badini, Arabic and English', () => {
  const english = strings(en);

  it.each(Object.keys(MESSAGES))('%s has every key of the English catalogue, no other, none blank', (language) => {
    const catalogue = strings(MESSAGES[language as keyof typeof MESSAGES]);
    expect([...catalogue.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !catalogue.has(key))).toEqual([]);
    expect([...catalogue].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(Object.keys(MESSAGES))('%s keeps the placeholders of each English message', (language) => {
    const catalogue = strings(MESSAGES[language as keyof typeof MESSAGES]);
    const wrong = [...english].filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(catalogue.get(key) ?? '')));
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it.each(['ckb', 'kmr', 'ar'] as const)('%s is written in Arabic script, not left in English', (language) => {
    const catalogue = strings(MESSAGES[language]);
    const latinOnly = [...catalogue].filter(([key, text]) => key !== 'app.name' && !/[\u0600-\u06FF]/.test(text.replace(/\{\w+\}/g, '')));
    expect(latinOnly.map(([key]) => key)).toEqual([]);
  });
});
