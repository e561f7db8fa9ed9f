import { FormDefinition } from './form-definition';
import { approvalTermsField, eachOutcome, formData, freeNotes, longText } from './form-fields';

const recommendationReasons = longText(
  { ckb: 'هۆکارەکانی ڕاسپاردەکە', kmr: 'ئەگەرێن پێشنیارێ', ar: 'أسباب التوصية', en: 'Reasons for the recommendation' },
  {
    ckb: 'بۆچی لیژنەکە ئەم ئەنجامە ڕادەسپێرێت؛ بڕیاردەر پێش بڕیاردان دەیانخوێنێتەوە.',
    kmr: 'بۆچی لیژنە ڤێ ئەنجامێ پێشنیار دکەت؛ بڕیاردەر بەری بڕیارێ بدەت دێ وان خوینیت.',
    ar: 'لماذا توصي اللجنة بهذه النتيجة؛ يقرأها صاحب القرار قبل أن يقرر.',
    en: 'Why the panel recommends this outcome; the decision maker reads them before deciding.',
  },
);

const deferralReasons = longText(
  { ckb: 'چی کەمە', kmr: 'چ کێمە', ar: 'ما الذي ينقص', en: 'What is missing' },
  {
    ckb: 'بۆچی لیژنەکە دوایدەخات، و ئەوەی پێویستە ببینێت پێش ئەوەی ڕاسپاردە بدات.',
    kmr: 'بۆچی لیژنە پاشدئێخیت، و ئەو تشتێن پێدڤییە ببینیت بەری پێشنیارەکێ بکەت.',
    ar: 'لماذا تؤجل اللجنة، مع تحديد ما تحتاج إلى رؤيته قبل أن تقدم توصيتها.',
    en: 'Why the panel defers, naming what it needs to see before it can recommend.',
  },
);

/** The fostering panel's forms (panel.tasks.ts): booking, papers, and the chair's recommendation. */
export const panelForms: readonly FormDefinition[] = [
  {
    key: 'panel-booking',
    version: 1,
    title: { ckb: 'خستنە سەر بەرنامەی کاری لیژنە', kmr: 'دانان ل سەر بەرنامێ کارێ لیژنێ', ar: 'الإدراج في جدول أعمال اللجنة', en: 'Place on a panel agenda' },
    outcomes: eachOutcome(['booked'], freeNotes),
  },
  {
    key: 'panel-papers',
    version: 1,
    title: { ckb: 'بەڵگەنامەکانی لیژنە', kmr: 'بەلگەنامێن لیژنێ', ar: 'أوراق اللجنة', en: 'Panel papers' },
    outcomes: eachOutcome(['sent'], freeNotes),
  },
  {
    key: 'panel-recommendation',
    version: 1,
    title: { ckb: 'ڕاسپاردەی لیژنە', kmr: 'پێشنیارا لیژنێ', ar: 'توصية اللجنة', en: 'Panel recommendation' },
    help: {
      ckb: 'دوای دانیشتنەکە، سەرۆکی لیژنە ڕاسپاردەی لیژنە لەگەڵ هۆکارەکانی تۆمار دەکات: پەسەندکردن (لەگەڵ مەرجەکان)، پەسەندنەکردن، یان دواخستن.',
      kmr: 'پشتی کۆمبوونێ، سەرۆکێ لیژنێ پێشنیارا لیژنێ دگەل ئەگەرێن وێ تۆمار دکەت: پەسەندکرن (دگەل مەرجان)، پەسەندنەکرن، یان پاشئێخستن.',
      ar: 'بعد انعقاد الجلسة يسجل رئيس اللجنة توصيتها مع أسبابها: الموافقة (مع الشروط) أو عدم الموافقة أو التأجيل.',
      en: "After the sitting, the chair records the panel's recommendation with its reasons: approve (with terms), not approve, or defer.",
    },
    outcomes: {
      approve: formData({ terms: approvalTermsField, reasons: recommendationReasons }, ['terms', 'reasons']),
      'not-approve': formData({ reasons: recommendationReasons }, ['reasons']),
      ...eachOutcome(['defer-to-stage-1', 'defer-to-stage-2'], formData({ reasons: deferralReasons }, ['reasons'])),
    },
  },
];
