/**
 * Words that follow a count: one form per `Intl.PluralRules` category the language has (`other`
 * required; Chinese needs only `other`), `#` standing for the formatted count.
 */
export type Plural = { readonly one?: string; readonly other: string };

/** "1 workday", "2 workdays", "2 个工作日". */
export function plural(count: number, forms: Plural, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  const text = (category === 'one' ? forms.one : undefined) ?? forms.other;
  return text.replace('#', new Intl.NumberFormat(locale).format(count));
}
