import type { MessageKey } from './nl.js'

/** Arabic (right to left). Not yet reviewed by a native speaker. */
export const ar: Partial<Record<MessageKey, string>> = {
  'valueKind.verbinding': 'التواصل',
  'valueKind.welzijn': 'الرفاه',
  'unitKind.aantal': 'عدد',
  'unitKind.euro': 'يورو',
  'unitKind.kg': 'كيلو',
  'unitKind.kwh': 'كيلوواط ساعة',
  'unitKind.procent': 'نسبة مئوية',
  'unitKind.uur': 'ساعات',
  'unitKind.anders': 'شيء آخر',
  'roadHorizon.kort': 'قصير: هذا العام',
  'roadHorizon.middellang': 'متوسط: من سنة إلى 3 سنوات',
  'roadHorizon.lang': 'طويل: من 3 إلى 5 سنوات',
  'field.indicators': 'ما نقيسه',
  'field.horizon': 'على الطريق',
  'field.roundId': 'جولة التقييم',
}
