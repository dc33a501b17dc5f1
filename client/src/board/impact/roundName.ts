import type { MessageKey } from '@wijktafel/shared'

/**
 * The name a new round gets by default, from its day: "Evaluatie voorjaar 2027". Seasons as
 * people say them (March to May is spring), so the name is what the table would write.
 */
export function defaultRoundName(day: string, t: (key: MessageKey) => string): string {
  const month = Number(day.slice(5, 7))
  const year = day.slice(0, 4)
  const season: MessageKey =
    month >= 3 && month <= 5
      ? 'round.season.spring'
      : month >= 6 && month <= 8
        ? 'round.season.summer'
        : month >= 9 && month <= 11
          ? 'round.season.autumn'
          : 'round.season.winter'
  return t('round.defaultName').replace('{season}', t(season)).replace('{year}', year)
}
