import { FormDefinition, FormSchema, Labels } from './form-definition';
import { approvalTermsField, eachOutcome, formData, freeNotes, longText, notesField } from './form-fields';

/** Short free text: who or how, not a narrative. */
const shortText = (label: Labels, help: Labels): FormSchema => ({ type: 'string', maxLength: 200, 'x-ui': { widget: 'text' }, 'x-label': label, 'x-help': help });

const enquiryResponse = formData({
  contact: shortText(
    { ckb: 'ڕێگای پەیوەندی', kmr: 'ڕێکا پەیوەندیێ', ar: 'طريقة التواصل', en: 'How contact was made' },
    {
      ckb: 'بۆ نموونە بە تەلەفۆن، ڕووبەڕوو یان لە ڕێگەی ڕەوانەکردنەوە.',
      kmr: 'بۆ نموونە ب تەلەفونێ، ڕوو ب ڕوو یان ب ڕێکا ڕەوانەکرنێ.',
      ar: 'مثلاً بالهاتف أو شخصياً أو عن طريق إحالة.',
      en: 'For example by phone, in person or through a referral.',
    },
  ),
  spokeWith: shortText(
    { ckb: 'قسەکردن لەگەڵ', kmr: 'ئاخفتن دگەل', ar: 'تم التحدث مع', en: 'Spoke with' },
    {
      ckb: 'ئەو کەسەی دەربارەی پرسیارەکە قسەت لەگەڵ کرد.',
      kmr: 'ئەو کەسێ تە دەربارەی پسیارێ دگەل ئاخفتی.',
      ar: 'الشخص الذي تحدثت معه بشأن الاستفسار.',
      en: 'Who you spoke to about the enquiry.',
    },
  ),
  notes: notesField,
});

const decisionReasons = longText(
  { ckb: 'هۆکارەکانی بڕیارەکە', kmr: 'ئەگەرێن بڕیارێ', ar: 'أسباب القرار', en: 'Reasons for the decision' },
  {
    ckb: 'بۆچی ئەم بڕیارەت دا، دوای خوێندنەوەی ڕاسپاردەی لیژنە و مەرج و هۆکارەکانی.',
    kmr: 'بۆچی تە ئەڤ بڕیارە دا، پشتی خواندنا پێشنیارا لیژنێ و مەرج و ئەگەرێن وێ.',
    ar: 'لماذا اتخذت هذا القرار بعد قراءة توصية اللجنة وشروطها وأسبابها.',
    en: "Why you decided this, having read the panel's recommendation, its terms and reasons.",
  },
);

/** Required by the API only when the decision departs from the recommendation (departsFromRecommendation). */
const departureReason = longText(
  { ckb: 'هۆکاری لادان لە ڕاسپاردەکە', kmr: 'ئەگەرێ دویرکەفتنێ ژ پێشنیارێ', ar: 'سبب مخالفة التوصية', en: 'Reason for departing from the recommendation' },
  {
    ckb: 'پێویستە ئەگەر بە پێچەوانەی ڕاسپاردەی لیژنە بڕیارت دا، یان بە مەرجی جیاواز پەسەندت کرد.',
    kmr: 'پێدڤییە ئەگەر تە ب جوداهی ژ پێشنیارا لیژنێ بڕیار دا، یان ب مەرجێن جودا پەسەند کر.',
    ar: 'مطلوب إذا قررت خلاف ما أوصت به اللجنة، أو وافقت بشروط مختلفة.',
    en: 'Needed when you decide otherwise than the panel recommended, or approve on other terms.',
  },
);

const stageTwoReasons = longText(
  { ckb: 'هۆکارەکان', kmr: 'ئەگەر', ar: 'الأسباب', en: 'Reasons' },
  {
    ckb: 'بۆچی کەیسەکە دەچێتە قۆناغی دووەم یان کۆتایی پێدێت، دوای خوێندنەوەی پشکنینەکان و هەر نیگەرانییەک.',
    kmr: 'بۆچی کەیس دچیتە قوناغا دووێ یان ب دوماهی دهێت، پشتی خواندنا پشکنینان و هەر نیگەرانیەکێ.',
    ar: 'لماذا تنتقل الحالة إلى المرحلة الثانية أو تنتهي، بعد قراءة الفحوصات وأي مخاوف.',
    en: 'Why the case goes on to stage 2 or ends, having read the checks and any concerns they found.',
  },
);

/** A check that found concerns says what they are: the team manager is told and reads them. */
const checkFindings: Record<string, FormSchema> = {
  satisfactory: freeNotes,
  concerns: formData(
    {
      concerns: longText(
        { ckb: 'نیگەرانییەکان', kmr: 'نیگەرانی', ar: 'المخاوف', en: 'Concerns found' },
        {
          ckb: 'چی دۆزرایەوە، لە کوێوە، و چی پێویستە بکرێت.',
          kmr: 'چ هاتە دیتن، ژ کیڤە، و چ پێدڤییە بهێتە کرن.',
          ar: 'ما الذي وُجد، ومن أي مصدر، وما الذي يلزم فعله.',
          en: 'What was found, from which source, and what needs to happen.',
        },
      ),
      notes: notesField,
    },
    ['concerns'],
  ),
};

/** The carer household's approval forms (carer-approval.tasks.ts), enquiry to telling the applicant. */
export const carerApprovalForms: readonly FormDefinition[] = [
  {
    key: 'enquiry-response',
    version: 1,
    title: { ckb: 'وەڵامدانەوەی پرسیار', kmr: 'بەرسڤدانا پسیارێ', ar: 'الرد على الاستفسار', en: 'Response to the enquiry' },
    outcomes: eachOutcome(['visit-arranged', 'not-proceeding'], enquiryResponse),
  },
  {
    key: 'initial-home-visit',
    version: 1,
    title: { ckb: 'یەکەم سەردانی ماڵەوە', kmr: 'ئێکەمین سەرەدانا مالێ', ar: 'الزيارة المنزلية الأولى', en: 'Initial home visit' },
    outcomes: eachOutcome(['invite-application', 'not-proceeding'], freeNotes),
  },
  {
    key: 'application',
    version: 1,
    title: { ckb: 'داواکاری', kmr: 'داخوازی', ar: 'طلب التقديم', en: 'Application' },
    outcomes: eachOutcome(['application-received', 'not-proceeding'], freeNotes),
  },
  {
    key: 'background-check',
    version: 1,
    title: { ckb: 'پشکنینی پێشینە و پۆلیس', kmr: 'پشکنینا پێشینەیێ و پۆلیسی', ar: 'التحقق من الخلفية والسجل الجنائي', en: 'Background and police check' },
    outcomes: checkFindings,
  },
  {
    key: 'personal-reference',
    version: 1,
    title: { ckb: 'تەزکیەی کەسی', kmr: 'تەزکیەیا کەسی', ar: 'تزكية شخصية', en: 'Personal reference' },
    outcomes: checkFindings,
  },
  {
    key: 'medical-check',
    version: 1,
    title: { ckb: 'پشکنینی پزیشکی', kmr: 'پشکنینا ساخلەمیێ', ar: 'الفحص الطبي', en: 'Medical' },
    outcomes: checkFindings,
  },
  {
    key: 'local-authority-check',
    version: 1,
    title: { ckb: 'پشکنین لای دەسەڵاتی ناوچەیی', kmr: 'پشکنین ل دەڤ دەستهەلاتا خۆجهی', ar: 'التحقق لدى السلطة المحلية', en: 'Local authority check' },
    outcomes: checkFindings,
  },
  {
    key: 'previous-agency-reference',
    version: 1,
    title: { ckb: 'تەزکیە لە دامەزراوەی پێشوو', kmr: 'تەزکیە ژ دەزگەهێ بەرێ', ar: 'تزكية من الجهة السابقة', en: 'Previous agency reference' },
    outcomes: checkFindings,
  },
  {
    key: 'stage-2-decision',
    version: 1,
    title: { ckb: 'بڕیاری چوونە قۆناغی دووەم', kmr: 'بڕیارا چوونا قوناغا دووێ', ar: 'قرار الانتقال إلى المرحلة الثانية', en: 'Decision on stage 2' },
    // Either way the manager says why, having read the checks and any concerns they found.
    outcomes: eachOutcome(['proceed-to-stage-2', 'end-assessment'], formData({ reasons: stageTwoReasons, notes: notesField }, ['reasons'])),
  },
  {
    key: 'assessment-visits',
    version: 1,
    title: { ckb: 'سەردانەکانی هەڵسەنگاندن', kmr: 'سەرەدانێن هەلسەنگاندنێ', ar: 'زيارات التقييم', en: 'Assessment visits' },
    outcomes: eachOutcome(['completed'], freeNotes),
  },
  {
    key: 'assessment-report',
    version: 1,
    title: { ckb: 'ڕاپۆرتی هەڵسەنگاندن', kmr: 'ڕاپۆرتا هەلسەنگاندنێ', ar: 'تقرير التقييم', en: 'Assessment report' },
    outcomes: eachOutcome(['completed'], freeNotes),
  },
  {
    key: 'preparation-training',
    version: 1,
    title: { ckb: 'ڕاهێنانی ئامادەکاری', kmr: 'ڕاهێنانا ئامادەکاریێ', ar: 'التدريب التحضيري', en: 'Preparation training' },
    outcomes: eachOutcome(['attended'], freeNotes),
  },
  {
    key: 'agency-decision',
    version: 1,
    title: { ckb: 'بڕیاری دامەزراوە', kmr: 'بڕیارا دەزگەهی', ar: 'قرار المؤسسة', en: 'Agency decision' },
    help: {
      ckb: 'بڕیاردەر بە هۆکارەوە بڕیار دەدات؛ لادان لە ئەنجام یان مەرجەکانی لیژنە هۆکاری تایبەتی خۆی پێویستە.',
      kmr: 'بڕیاردەر ب ئەگەران بڕیارێ ددەت؛ دویرکەفتن ژ ئەنجام یان مەرجێن لیژنێ ئەگەرەکێ تایبەت پێدڤییە.',
      ar: 'يتخذ صاحب القرار قراره مع الأسباب؛ ومخالفة نتيجة اللجنة أو شروطها تحتاج إلى سبب خاص بها.',
      en: "The decision maker decides, with reasons; a departure from the panel's outcome or terms needs its own reason.",
    },
    outcomes: {
      approve: formData({ terms: approvalTermsField, reasons: decisionReasons, departureReason }, ['terms', 'reasons']),
      'not-approve': formData({ reasons: decisionReasons, departureReason }, ['reasons']),
    },
  },
  {
    key: 'representations',
    version: 1,
    title: { ckb: 'ناڕەزایی و بۆچوونی داواکار', kmr: 'نەڕازیبوون و بۆچوونێن داخوازکەری', ar: 'اعتراضات مقدم الطلب', en: "Applicant's representations" },
    outcomes: eachOutcome(['representations-made', 'review-requested', 'none-received'], freeNotes),
  },
  {
    key: 'decision-told',
    version: 1,
    title: { ckb: 'ئاگادارکردنەوەی داواکار لە بڕیارەکە', kmr: 'ئاگەهدارکرنا داخوازکەری ب بڕیارێ', ar: 'إبلاغ مقدم الطلب بالقرار', en: 'Applicant told of the decision' },
    outcomes: eachOutcome(['told'], freeNotes),
  },
  {
    key: 'decision-letter',
    version: 1,
    title: { ckb: 'نامەی بڕیار', kmr: 'نامەیا بڕیارێ', ar: 'خطاب القرار', en: 'Decision letter' },
    outcomes: eachOutcome(['letter-sent'], freeNotes),
  },
];
