import type { TaskOutcome } from '../tasks/task-catalogue';
import { Labels } from './form-definition';

/** Every outcome a task can conclude with, as staff read it in each language: a new outcome without labels is a compile error. */
export const OUTCOME_LABELS: Readonly<Record<TaskOutcome, Labels>> = {
  satisfactory: { ckb: 'باشە', kmr: 'باشە', ar: 'مُرضٍ', en: 'Satisfactory' },
  concerns: { ckb: 'نیگەرانی هەیە', kmr: 'نیگەرانی هەنە', ar: 'توجد مخاوف', en: 'Concerns found' },
  'visit-arranged': { ckb: 'سەردان ڕێکخرا', kmr: 'سەرەدان هاتە ڕێکخستن', ar: 'تم ترتيب زيارة', en: 'Visit arranged' },
  'not-proceeding': { ckb: 'بەردەوام نابێت', kmr: 'بەردەوام نابیت', ar: 'لن يستمر', en: 'Not proceeding' },
  'invite-application': { ckb: 'بانگهێشت بۆ داواکاری', kmr: 'داخوازکرن بۆ پێشکێشکرنا داخوازیێ', ar: 'دعوة لتقديم الطلب', en: 'Invite an application' },
  'application-received': { ckb: 'داواکاری وەرگیرا', kmr: 'داخوازی هاتە وەرگرتن', ar: 'تم استلام الطلب', en: 'Application received' },
  'proceed-to-stage-2': { ckb: 'بەردەوامبوون بۆ قۆناغی دووەم', kmr: 'چوون بۆ قوناغا دووێ', ar: 'الانتقال إلى المرحلة الثانية', en: 'Proceed to stage 2' },
  'end-assessment': { ckb: 'کۆتاییهێنان بە هەڵسەنگاندن', kmr: 'ب دوماهیک ئینانا هەلسەنگاندنێ', ar: 'إنهاء التقييم', en: 'End the assessment' },
  completed: { ckb: 'تەواو بوو', kmr: 'تەمام بوو', ar: 'مكتمل', en: 'Completed' },
  attended: { ckb: 'ئامادە بوو', kmr: 'ئامادە بوو', ar: 'حضر', en: 'Attended' },
  approve: { ckb: 'پەسەندکردن', kmr: 'پەسەندکرن', ar: 'موافقة', en: 'Approve' },
  'not-approve': { ckb: 'پەسەند نەکردن', kmr: 'پەسەند نەکرن', ar: 'عدم الموافقة', en: 'Do not approve' },
  'representations-made': { ckb: 'ناڕەزایی پێشکەش کرا', kmr: 'نەڕازیبوون هاتە پێشکێشکرن', ar: 'قُدّمت اعتراضات', en: 'Representations made' },
  'review-requested': { ckb: 'داوای پێداچوونەوە کرا', kmr: 'داخوازا پێداچوونێ هاتە کرن', ar: 'طُلبت مراجعة', en: 'Review requested' },
  'none-received': { ckb: 'هیچ نەگەیشت', kmr: 'چ نەگەهشت', ar: 'لم يُستلم شيء', en: 'None received' },
  told: { ckb: 'ئاگادار کرایەوە', kmr: 'هاتە ئاگەهدارکرن', ar: 'تم الإبلاغ', en: 'Told' },
  'letter-sent': { ckb: 'نامە نێردرا', kmr: 'نامە هاتە فرێکرن', ar: 'أُرسل الخطاب', en: 'Letter sent' },
  booked: { ckb: 'تۆمار کرا', kmr: 'هاتە تۆمارکرن', ar: 'تم الحجز', en: 'Booked' },
  sent: { ckb: 'نێردرا', kmr: 'هاتە فرێکرن', ar: 'أُرسلت', en: 'Sent' },
  'defer-to-stage-1': { ckb: 'دواخستن بۆ قۆناغی یەکەم', kmr: 'پاشخستن بۆ قوناغا ئێکێ', ar: 'التأجيل إلى المرحلة الأولى', en: 'Defer to stage 1' },
  'defer-to-stage-2': { ckb: 'دواخستن بۆ قۆناغی دووەم', kmr: 'پاشخستن بۆ قوناغا دووێ', ar: 'التأجيل إلى المرحلة الثانية', en: 'Defer to stage 2' },
  'plan-agreed': { ckb: 'پلان ڕێککەوترا', kmr: 'پلان هاتە پەسەندکرن', ar: 'تم الاتفاق على الخطة', en: 'Plan agreed' },
  proposed: { ckb: 'پێشنیار کرا', kmr: 'هاتە پێشنیارکرن', ar: 'تم الاقتراح', en: 'Proposed' },
  'approve-match': { ckb: 'پەسەندکردنی گونجاندن', kmr: 'پەسەندکرنا گونجاندنێ', ar: 'الموافقة على المطابقة', en: 'Approve the match' },
  'reject-match': { ckb: 'ڕەتکردنەوەی گونجاندن', kmr: 'ڕەتکرنا گونجاندنێ', ar: 'رفض المطابقة', en: 'Reject the match' },
  visited: { ckb: 'سەردان کرا', kmr: 'سەرەدان هاتە کرن', ar: 'تمت الزيارة', en: 'Visited' },
  'review-held': { ckb: 'پێداچوونەوە کرا', kmr: 'پێداچوون هاتە کرن', ar: 'عُقدت المراجعة', en: 'Review held' },
};

/** The labels of a form's outcomes. */
export function outcomeLabelsOf(outcomes: readonly string[]): Record<string, Labels> {
  return Object.fromEntries(outcomes.map((outcome) => [outcome, OUTCOME_LABELS[outcome as TaskOutcome]]));
}
