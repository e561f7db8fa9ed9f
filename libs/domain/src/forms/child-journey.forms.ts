import { PLACEMENT_TYPES } from '../households/approval-terms';
import { FormDefinition, FormSchema, Labels } from './form-definition';
import { eachOutcome, formData, longText, notesField, placementTypeLabels, yesNo } from './form-fields';

/** A date something actually happened: not after today in the case's jurisdiction. */
const actualDate = (label: Labels, help: Labels): FormSchema => ({ type: 'string', format: 'date', 'x-not-future': true, 'x-ui': { widget: 'date' }, 'x-label': label, 'x-help': help });

const reasons = (help: Labels) => longText({ ckb: 'هۆکارەکان', kmr: 'ئەگەر', ar: 'الأسباب', en: 'Reasons' }, help);

const carePlan = formData(
  {
    placementType: {
      type: 'string',
      enum: PLACEMENT_TYPES,
      'x-options': placementTypeLabels,
      'x-ui': { widget: 'select' },
      'x-label': { ckb: 'جۆری دانان کە منداڵەکە پێویستی پێیەتی', kmr: 'جۆرێ دانانێ یێ زارۆک پێدڤی پێ', ar: 'نوع الإيداع الذي يحتاجه الطفل', en: 'Placement the child needs' },
    },
    untilEighteen: yesNo({ ckb: 'دانانەکە تا تەمەنی ١٨ ساڵی بەردەوام دەبێت', kmr: 'دانان هەتا تەمەنێ ١٨ ساڵیێ بەردەوام دبیت', ar: 'الإيداع مقصود حتى سن ١٨', en: 'The placement is meant to last until 18' }),
    needs: longText(
      { ckb: 'پێداویستییەکانی منداڵ و چۆنیەتی دابینکردنیان', kmr: 'پێدڤیێن زارۆکی و چاوا دێ هێنە دابینکرن', ar: 'احتياجات الطفل وكيف ستُلبّى', en: "The child's needs and how they will be met" },
      { ckb: 'تەندروستی، خوێندن، سۆز و ناسنامە، پەیوەندی لەگەڵ خێزان.', kmr: 'ساخلەمی، خواندن، هەست و ناسنامە، پەیوەندی دگەل خێزانێ.', ar: 'الصحة والتعليم والعاطفة والهوية والتواصل مع الأسرة.', en: 'Health, education, emotional needs and identity, contact with family.' },
    ),
    contact: longText(
      { ckb: 'پەیوەندی لەگەڵ خێزان', kmr: 'پەیوەندی دگەل خێزانێ', ar: 'التواصل مع الأسرة', en: 'Contact with family' },
      { ckb: 'کێ، چەند جار و لە کوێ.', kmr: 'کی، چەند جاران و ل کیڤە.', ar: 'مع من، وكم مرة، وأين.', en: 'With whom, how often and where.' },
    ),
    notes: notesField,
  },
  ['placementType', 'untilEighteen', 'needs'],
);

const matchDecisionHelp: Labels = {
  ckb: 'بۆچی ئەم خێزانە بۆ ئەم منداڵە گونجاوە یان نا، دوای خوێندنەوەی لیستی پاڵێوراوەکان و هۆکارەکانیان.',
  kmr: 'بۆچی ئەڤ خێزانە بۆ ڤی زارۆکی گونجایە یان نە، پشتی خواندنا لیستا هەلبژارتیان و ئەگەرێن وان.',
  ar: 'لماذا تناسب هذه الأسرة هذا الطفل أو لا، بعد قراءة القائمة المختصرة وأسبابها.',
  en: 'Why this household suits this child or does not, having read the shortlist and its reasons.',
};

/** The child's journey's forms: care plan, match proposal and decision, visits, reviews (issue 10). */
export const childJourneyForms: readonly FormDefinition[] = [
  {
    key: 'care-plan',
    version: 1,
    title: { ckb: 'پلانی چاودێری', kmr: 'پلانا چاڤدێریێ', ar: 'خطة الرعاية', en: 'Care plan' },
    outcomes: eachOutcome(['plan-agreed'], carePlan),
  },
  {
    key: 'match-proposal',
    version: 1,
    title: { ckb: 'پێشنیارکردنی خێزانی چاودێر', kmr: 'پێشنیارکرنا خێزانا چاڤدێر', ar: 'اقتراح أسرة راعية', en: 'Propose a carer household' },
    outcomes: {
      proposed: formData(
        {
          householdId: { type: 'string', format: 'uuid', 'x-ui': { widget: 'text' }, 'x-label': { ckb: 'خێزان', kmr: 'خێزان', ar: 'الأسرة', en: 'Household' } },
          reasons: reasons(matchDecisionHelp),
        },
        ['householdId', 'reasons'],
      ),
    },
  },
  {
    key: 'match-decision',
    version: 1,
    title: { ckb: 'بڕیار لەسەر گونجاندن', kmr: 'بڕیار ل سەر گونجاندنێ', ar: 'قرار المطابقة', en: 'Decision on the match' },
    help: {
      ckb: 'پەسەندکردن دانانەکە ئەمڕۆ دەست پێدەکات و جێگایەک لە خێزانەکە دەگرێت.',
      kmr: 'پەسەندکرن دانانێ ئەڤرۆ دەست پێ دکەت و جهەکێ ژ خێزانێ دگریت.',
      ar: 'الموافقة تبدأ الإيداع اليوم وتشغل مكاناً لدى الأسرة.',
      en: 'Approving starts the placement today and takes one of the household’s places.',
    },
    outcomes: eachOutcome(['approve-match', 'reject-match'], formData({ reasons: reasons(matchDecisionHelp) }, ['reasons'])),
  },
  {
    key: 'child-visit',
    version: 1,
    title: { ckb: 'سەردانی یاسایی بۆ منداڵ', kmr: 'سەرەدانا یاسایی بۆ زارۆکی', ar: 'الزيارة القانونية للطفل', en: 'Statutory visit to the child' },
    outcomes: {
      visited: formData(
        {
          visitedOn: actualDate(
            { ckb: 'ڕێکەوتی سەردان', kmr: 'مێژوویا سەرەدانێ', ar: 'تاريخ الزيارة', en: 'Date of the visit' },
            { ckb: 'سەردانی داهاتوو لەم ڕێکەوتەوە دەژمێردرێت.', kmr: 'سەرەدانا بهێت ژ ڤێ مێژوویێ دهێتە هژمارتن.', ar: 'تُحسب الزيارة التالية من هذا التاريخ.', en: 'The next visit is counted from this date.' },
          ),
          seenAlone: yesNo({ ckb: 'منداڵەکە بە تەنیا بینرا', kmr: 'زارۆک ب تنێ هاتە دیتن', ar: 'رُئي الطفل على انفراد', en: 'The child was seen alone' }),
          notes: longText(
            { ckb: 'چی بینرا و چی گوترا', kmr: 'چ هاتە دیتن و چ هاتە گۆتن', ar: 'ما الذي شوهد وقيل', en: 'What was seen and said' },
            { ckb: 'بە وشەکانی منداڵ خۆی لە کوێ توانرا.', kmr: 'ب پەیڤێن زارۆکی ب خۆ ل کیڤە هاتبیتە کرن.', ar: 'بكلمات الطفل نفسه حيثما أمكن.', en: "In the child's own words where possible." },
          ),
        },
        ['visitedOn', 'seenAlone', 'notes'],
      ),
    },
  },
  {
    key: 'child-review',
    version: 1,
    title: { ckb: 'پێداچوونەوەی کەیسی منداڵ', kmr: 'پێداچوونا کەیسێ زارۆکی', ar: 'مراجعة حالة الطفل', en: "Child's case review" },
    outcomes: {
      'review-held': formData(
        {
          heldOn: actualDate(
            { ckb: 'ڕێکەوتی پێداچوونەوە', kmr: 'مێژوویا پێداچوونێ', ar: 'تاريخ المراجعة', en: 'Date of the review' },
            { ckb: 'پێداچوونەوەی داهاتوو لەم ڕێکەوتەوە دەژمێردرێت.', kmr: 'پێداچوونا بهێت ژ ڤێ مێژوویێ دهێتە هژمارتن.', ar: 'تُحسب المراجعة التالية من هذا التاريخ.', en: 'The next review is counted from this date.' },
          ),
          decisions: longText(
            { ckb: 'بڕیارەکانی پێداچوونەوە و گۆڕانکاری لە پلانی چاودێری', kmr: 'بڕیارێن پێداچوونێ و گوهۆڕین د پلانا چاڤدێریێ دا', ar: 'قرارات المراجعة والتغييرات على خطة الرعاية', en: 'Decisions of the review and changes to the care plan' },
          ),
        },
        ['heldOn', 'decisions'],
      ),
    },
  },
];
