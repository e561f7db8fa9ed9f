import { FORM_LANGUAGES, FormLanguage } from './form-definition';

/** What a form's validator says of a field, in each staff language (the API answers in the one the request asks for). */
export interface FormMessages {
  required(outcome: string): string;
  notAField: string;
  type(type: string): string;
  notEmpty: string;
  minLength(limit: number): string;
  maxLength(limit: number): string;
  minimum(limit: number): string;
  maximum(limit: number): string;
  oneOf(values: string): string;
  atLeastOne: string;
  minItems(limit: number): string;
  maxItems(limit: number): string;
  unique: string;
  notBlank: string;
  writtenLike(examples: string): string;
  unexpected: string;
  format(format: string): string;
  atLeastField(field: string): string;
  notFuture: string;
  invalid: string;
  eachEntry(message: string): string;
  departureReason: string;
}

const TYPES: Record<FormLanguage, Record<string, string>> = {
  en: { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a set of fields', boolean: 'true or false' },
  ckb: { string: 'دەق', integer: 'ژمارەیەکی تەواو', number: 'ژمارە', array: 'لیستێک', object: 'کۆمەڵێک خانە', boolean: 'بەڵێ یان نەخێر' },
  kmr: { string: 'دەق', integer: 'ژمارەکا تەمام', number: 'ژمارە', array: 'لیستەک', object: 'کۆمەکا خانەیان', boolean: 'بەلێ یان نەخێر' },
  ar: { string: 'نصاً', integer: 'عدداً صحيحاً', number: 'رقماً', array: 'قائمة', object: 'مجموعة حقول', boolean: 'نعم أو لا' },
};

export const FORM_MESSAGES: Readonly<Record<FormLanguage, FormMessages>> = {
  en: {
    required: (outcome) => `is required when the outcome is ${outcome}`,
    notAField: 'is not a field of this form',
    type: (type) => `must be ${TYPES.en[type] ?? type}`,
    notEmpty: 'must not be empty',
    minLength: (limit) => `must be at least ${limit} characters`,
    maxLength: (limit) => `must be at most ${limit} characters`,
    minimum: (limit) => `must be at least ${limit}`,
    maximum: (limit) => `must be at most ${limit}`,
    oneOf: (values) => `must be one of: ${values}`,
    atLeastOne: 'must list at least one',
    minItems: (limit) => `must list at least ${limit}`,
    maxItems: (limit) => `must list at most ${limit}`,
    unique: 'must not list the same value twice',
    notBlank: 'must not be blank',
    writtenLike: (examples) => `must be written like ${examples}`,
    unexpected: 'is not written the expected way',
    format: (format) => `must be a valid ${format}`,
    atLeastField: (field) => `must be at least ${field}`,
    notFuture: 'cannot be after today',
    invalid: 'is not valid',
    eachEntry: (message) => `each entry ${message}`,
    departureReason: 'a decision that departs from the recommended outcome or terms needs its own reason',
  },
  ckb: {
    required: (outcome) => `پێویستە کاتێک ئەنجامەکە «${outcome}»ە`,
    notAField: 'خانەیەکی ئەم فۆرمە نییە',
    type: (type) => `دەبێت ${TYPES.ckb[type] ?? type} بێت`,
    notEmpty: 'نابێت بەتاڵ بێت',
    minLength: (limit) => `دەبێت لانیکەم ${limit} پیت بێت`,
    maxLength: (limit) => `دەبێت زۆرترین ${limit} پیت بێت`,
    minimum: (limit) => `دەبێت لانیکەم ${limit} بێت`,
    maximum: (limit) => `دەبێت زۆرترین ${limit} بێت`,
    oneOf: (values) => `دەبێت یەکێک بێت لەمانە: ${values}`,
    atLeastOne: 'دەبێت لانیکەم یەکێک هەڵبژێریت',
    minItems: (limit) => `دەبێت لانیکەم ${limit} هەڵبژێریت`,
    maxItems: (limit) => `دەبێت زۆرترین ${limit} هەڵبژێریت`,
    unique: 'نابێت هەمان بەها دووجار بنووسرێت',
    notBlank: 'نابێت تەنها بۆشایی بێت',
    writtenLike: (examples) => `دەبێت وەک ئەمە بنووسرێت: ${examples}`,
    unexpected: 'بە شێوەی چاوەڕوانکراو نەنووسراوە',
    format: (format) => `دەبێت ${format}ێکی دروست بێت`,
    atLeastField: (field) => `دەبێت لانیکەم بەقەد ${field} بێت`,
    notFuture: 'نابێت دوای ئەمڕۆ بێت',
    invalid: 'دروست نییە',
    eachEntry: (message) => `هەر بڕگەیەک ${message}`,
    departureReason: 'بڕیارێک کە لە ئەنجام یان مەرجەکانی ڕاسپاردەکە لادەدات، پێویستی بە هۆکاری خۆیەتی',
  },
  kmr: {
    required: (outcome) => `پێدڤییە دەمێ ئەنجام «${outcome}» بیت`,
    notAField: 'نە خانەکا ڤی فۆرمی یە',
    type: (type) => `دڤێت ${TYPES.kmr[type] ?? type} بیت`,
    notEmpty: 'نابیت ڤالا بیت',
    minLength: (limit) => `دڤێت کێمتر نەبیت ژ ${limit} پیتان`,
    maxLength: (limit) => `دڤێت پتر نەبیت ژ ${limit} پیتان`,
    minimum: (limit) => `دڤێت کێمتر نەبیت ژ ${limit}`,
    maximum: (limit) => `دڤێت پتر نەبیت ژ ${limit}`,
    oneOf: (values) => `دڤێت ئێک ژ ڤان بیت: ${values}`,
    atLeastOne: 'دڤێت کێمتر نەبیت ژ ئێکێ',
    minItems: (limit) => `دڤێت کێمتر نەبیت ژ ${limit}`,
    maxItems: (limit) => `دڤێت پتر نەبیت ژ ${limit}`,
    unique: 'نابیت هەمان بها دوو جاران بهێتە نڤیسین',
    notBlank: 'نابیت تنێ ڤالاهی بیت',
    writtenLike: (examples) => `دڤێت وەکی ڤێ بهێتە نڤیسین: ${examples}`,
    unexpected: 'ب رەنگێ چاڤەڕێکری نەهاتیە نڤیسین',
    format: (format) => `دڤێت ${format} یەکا دروست بیت`,
    atLeastField: (field) => `دڤێت کێمتر نەبیت ژ ${field}`,
    notFuture: 'نابیت پشتی ئەڤرۆ بیت',
    invalid: 'نە دروستە',
    eachEntry: (message) => `هەر بڕگەیەک ${message}`,
    departureReason: 'بڕیارەکا ژ ئەنجام یان مەرجێن پێشنیارێ دویر دکەڤیت، پێدڤی ب ئەگەرێ خۆ یە',
  },
  ar: {
    required: (outcome) => `مطلوب عندما تكون النتيجة «${outcome}»`,
    notAField: 'ليس حقلاً في هذه الاستمارة',
    type: (type) => `يجب أن يكون ${TYPES.ar[type] ?? type}`,
    notEmpty: 'يجب ألا يكون فارغاً',
    minLength: (limit) => `يجب ألا يقل عن ${limit} حرفاً`,
    maxLength: (limit) => `يجب ألا يزيد على ${limit} حرفاً`,
    minimum: (limit) => `يجب ألا يقل عن ${limit}`,
    maximum: (limit) => `يجب ألا يزيد على ${limit}`,
    oneOf: (values) => `يجب أن يكون أحد: ${values}`,
    atLeastOne: 'يجب اختيار واحد على الأقل',
    minItems: (limit) => `يجب اختيار ${limit} على الأقل`,
    maxItems: (limit) => `يجب ألا يزيد الاختيار على ${limit}`,
    unique: 'يجب ألا تتكرر القيمة نفسها',
    notBlank: 'يجب ألا يكون فراغاً فقط',
    writtenLike: (examples) => `يجب أن يُكتب مثل: ${examples}`,
    unexpected: 'لم يُكتب بالشكل المتوقع',
    format: (format) => `يجب أن يكون ${format} صحيحاً`,
    atLeastField: (field) => `يجب ألا يقل عن ${field}`,
    notFuture: 'لا يمكن أن يكون بعد اليوم',
    invalid: 'غير صالح',
    eachEntry: (message) => `كل عنصر ${message}`,
    departureReason: 'القرار الذي يخالف النتيجة أو الشروط الموصى بها يحتاج إلى سبب خاص به',
  },
};

/** The staff language a request asks for (`Accept-Language: ckb`, `ar-IQ,ar;q=0.9`), English otherwise. */
export function formLanguageOf(acceptLanguage: string | undefined): FormLanguage {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    const language = FORM_LANGUAGES.find((each) => tag === each || tag.startsWith(`${each}-`));
    if (language) return language;
  }
  return 'en';
}
