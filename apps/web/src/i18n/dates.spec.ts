import { formatDate, formatDateTime, hijriDate, localDateTimeIn, todayIn, withDigits } from './dates';

describe('dates as staff read them', () => {
  it('names Sorani and Badini months from the app’s own data, in the chosen digits', () => {
    expect(formatDate('2026-12-03', { language: 'ckb', digits: 'latn', hijri: false })).toBe('3 کانوونی یەکەم 2026');
    expect(formatDate('2026-12-03', { language: 'ckb', digits: 'arab', hijri: false })).toBe('٣ کانوونی یەکەم ٢٠٢٦');
    expect(formatDate('2026-05-01', { language: 'kmr', digits: 'latn', hijri: false })).toBe('1 گولان 2026');
  });

  it('gives the weekday on request: 3 December 2026 is a Thursday', () => {
    expect(formatDate('2026-12-03', { language: 'ckb', digits: 'latn', hijri: false }, { weekday: true })).toBe('پێنجشەممە، 3 کانوونی یەکەم 2026');
    expect(formatDate('2026-12-03', { language: 'en', digits: 'latn', hijri: false }, { weekday: true })).toContain('Thursday');
  });

  it('shows the Hijri date beside the Gregorian one when the user wants it', () => {
    const text = formatDate('2026-03-20', { language: 'en', digits: 'latn', hijri: true });
    expect(text).toContain('20 March 2026');
    expect(text).toMatch(/\(.*1447.*\)/);
    expect(hijriDate('2026-03-20', { language: 'ar', digits: 'arab', hijri: true })).toContain('١٤٤٧');
  });

  it('writes a local date and time in Arabic-Indic digits', () => {
    expect(formatDateTime('2026-12-03T16:05', { language: 'ar', digits: 'arab', hijri: false })).toContain('١٦:٠٥');
    expect(withDigits('H-2026-0042', 'arab')).toBe('H-٢٠٢٦-٠٠٤٢');
  });

  it('reads instants on the jurisdiction’s clock', () => {
    expect(localDateTimeIn('2026-12-03T21:30:00Z', 'Asia/Baghdad')).toBe('2026-12-04T00:30');
    expect(todayIn('Asia/Baghdad', new Date('2026-12-03T21:30:00Z'))).toBe('2026-12-04');
  });
});
