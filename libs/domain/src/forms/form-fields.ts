import { CHILD_SEXES, ChildSex, PLACEMENT_TYPES, PlacementType } from '../households/approval-terms';
import { FormSchema, Labels } from './form-definition';

/** The JSON Schema dialect of every form: draft-07, what ajv 8 validates by default. */
export const FORM_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** The longest free text a form keeps (reasons, notes). */
export const LONG_TEXT = 4000;

/** A form's `data` for one outcome: these fields in this order, the `required` ones needed, and no others. */
export function formData(properties: Record<string, FormSchema>, required: readonly string[] = []): FormSchema {
  return {
    $schema: FORM_SCHEMA_DIALECT,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
    'x-ui': { order: Object.keys(properties) },
  };
}

/** The same schema for each of these outcomes. */
export function eachOutcome(outcomes: readonly string[], schema: FormSchema): Record<string, FormSchema> {
  return Object.fromEntries(outcomes.map((outcome) => [outcome, schema]));
}

/** Text with something in it besides spaces. */
export const NOT_BLANK = '\\S';

/** Free text of up to 4000 characters, not blank. */
export function longText(label: Labels, help?: Labels): FormSchema {
  // At least one character that is not a space: a blank reason says nothing.
  return { type: 'string', maxLength: LONG_TEXT, pattern: NOT_BLANK, 'x-ui': { widget: 'textarea', rows: 6 }, 'x-label': label, ...(help ? { 'x-help': help } : {}) };
}

export const notesField: FormSchema = {
  type: 'string',
  maxLength: LONG_TEXT,
  'x-ui': { widget: 'textarea', rows: 4 },
  'x-label': { ckb: 'تێبینی', kmr: 'تێبینی', ar: 'ملاحظات', en: 'Notes' },
  'x-help': {
    ckb: 'ئارەزوومەندانە: هەر شتێک دەربارەی ئەم هەنگاوە کە شایەنی پاراستن بێت لە دۆسیەی کەیسەکەدا.',
    kmr: 'ب دلێ خۆ: هەر تشتەکێ دەربارەی ڤێ پێنگاڤێ کو هێژایی پاراستنێ بیت د دۆسیا کەیسی دا.',
    ar: 'اختياري: أي شيء عن هذه الخطوة يستحق أن يُحفظ في ملف الحالة.',
    en: 'Optional: anything about this step worth keeping on the case file.',
  },
};

/** A yes or no question, both answers explicit (the web app draws two radios: an untouched box is not "no"). */
export function yesNo(label: Labels): FormSchema {
  return { type: 'boolean', 'x-ui': { widget: 'yes-no' }, 'x-label': label };
}

/** A step whose form is free notes: nothing required, nothing but notes accepted. */
export const freeNotes: FormSchema = formData({ notes: notesField });

const sexLabels: Record<ChildSex, Labels> = {
  female: { ckb: 'مێ', kmr: 'مێ', ar: 'أنثى', en: 'Female' },
  male: { ckb: 'نێر', kmr: 'نێر', ar: 'ذكر', en: 'Male' },
};

export const placementTypeLabels: Record<PlacementType, Labels> = {
  emergency: { ckb: 'فریاکەوتن', kmr: 'فریاکەفتن', ar: 'طارئ', en: 'Emergency' },
  'short-term': { ckb: 'کورتخایەن', kmr: 'دەمکورت', ar: 'قصير الأمد', en: 'Short-term' },
  'long-term': { ckb: 'درێژخایەن', kmr: 'دەمدرێژ', ar: 'طويل الأمد', en: 'Long-term' },
  respite: { ckb: 'پشوودان', kmr: 'بێهنڤەدان', ar: 'رعاية استراحة', en: 'Respite' },
  kinship: { ckb: 'لای خزمان', kmr: 'ل دەڤ مرۆڤان', ar: 'رعاية الأقارب', en: 'Kinship' },
};

const ageInYears = (label: Labels): FormSchema => ({ type: 'integer', minimum: 0, maximum: 17, 'x-ui': { widget: 'number' }, 'x-label': label });

/** The terms of a carer's approval (ApprovalTerms), as the panel recommends them and the decision maker approves them. */
export const approvalTermsField: FormSchema = {
  type: 'object',
  properties: {
    maxChildren: {
      type: 'integer',
      minimum: 1,
      maximum: 10,
      'x-ui': { widget: 'number' },
      'x-label': { ckb: 'زۆرترین ژمارەی منداڵ لە یەک کاتدا', kmr: 'زێدەترین ژمارا زارۆکان د ئێک دەمدا', ar: 'أقصى عدد من الأطفال في الوقت نفسه', en: 'Most children at a time' },
    },
    ageMin: ageInYears({ ckb: 'کەمترین تەمەن (ساڵ)', kmr: 'کێمترین تەمەن (ساڵ)', ar: 'أصغر عمر (بالسنوات)', en: 'Youngest age (years)' }),
    ageMax: {
      ...ageInYears({ ckb: 'زۆرترین تەمەن (ساڵ)', kmr: 'زێدەترین تەمەن (ساڵ)', ar: 'أكبر عمر (بالسنوات)', en: 'Oldest age (years)' }),
      'x-minimum-field': 'ageMin',
    },
    sexes: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: CHILD_SEXES, 'x-options': sexLabels },
      'x-ui': { widget: 'multiselect' },
      'x-label': { ckb: 'ڕەگەزی منداڵان', kmr: 'ڕەگەزێ زارۆکان', ar: 'جنس الأطفال', en: 'Sexes of children' },
    },
    placementTypes: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: PLACEMENT_TYPES, 'x-options': placementTypeLabels },
      'x-ui': { widget: 'multiselect' },
      'x-label': { ckb: 'جۆرەکانی دانانی منداڵ', kmr: 'جۆرێن دانانا زارۆکی', ar: 'أنواع الإيداع', en: 'Placement types' },
    },
    languages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', examples: ['ckb', 'kmr', 'ar', 'en'] },
      'x-ui': { widget: 'tags' },
      'x-label': { ckb: 'ئەو زمانانەی خێزانەکە دەتوانێت چاودێری پێ بکات', kmr: 'ئەو زمانێن خێزان دشێت چاڤدێریێ پێ بکەت', ar: 'اللغات التي يمكن للأسرة الرعاية بها', en: 'Languages the household can care in' },
      'x-help': { ckb: 'کۆدی زمان، بۆ نموونە ckb، kmr، ar، en.', kmr: 'کۆدێ زمانی، بۆ نموونە ckb، kmr، ar، en.', ar: 'رموز اللغات، مثل ckb وkmr وar وen.', en: 'Language codes, e.g. ckb, kmr, ar, en.' },
    },
  },
  required: ['maxChildren', 'ageMin', 'ageMax', 'sexes', 'placementTypes', 'languages'],
  additionalProperties: false,
  'x-ui': { widget: 'group', order: ['maxChildren', 'ageMin', 'ageMax', 'sexes', 'placementTypes', 'languages'] },
  'x-label': { ckb: 'مەرجەکانی پەسەندکردن', kmr: 'مەرجێن پەسەندکرنێ', ar: 'شروط الموافقة', en: 'Terms of approval' },
  'x-help': {
    ckb: 'ئەوەی خێزانەکە بۆی پەسەند دەکرێت: ژمارەی منداڵان، تەمەن و ڕەگەزیان، جۆرەکانی دانان و زمانەکان.',
    kmr: 'ئەوا خێزان بۆ دهێتە پەسەندکرن: ژمارا زارۆکان، تەمەن و ڕەگەزێ وان، جۆرێن دانانێ و زمان.',
    ar: 'ما تتم الموافقة عليه للأسرة: عدد الأطفال وأعمارهم وجنسهم وأنواع الإيداع واللغات.',
    en: 'What the household may be approved for: how many children, their ages and sexes, the placement types and languages.',
  },
};
