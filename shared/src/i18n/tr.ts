import type { MessageKey } from './nl.js'

/** Turkish. Not yet reviewed by a native speaker. */
export const tr: Partial<Record<MessageKey, string>> = {
  'valueKind.verbinding': 'Bağlantı',
  'valueKind.welzijn': 'Esenlik',
  'unitKind.aantal': 'Sayı',
  'unitKind.euro': 'Avro',
  'unitKind.kg': 'Kilo',
  'unitKind.kwh': 'kWh',
  'unitKind.procent': 'Yüzde',
  'unitKind.uur': 'Saat',
  'unitKind.anders': 'Başka bir şey',
  'roadHorizon.kort': 'Kısa: bu yıl',
  'roadHorizon.middellang': 'Orta: 1 ila 3 yıl',
  'roadHorizon.lang': 'Uzun: 3 ila 5 yıl',
  'field.indicators': 'Neyi ölçüyoruz',
  'field.horizon': 'Yolda',
  'field.roundId': 'Değerlendirme turu',
}
