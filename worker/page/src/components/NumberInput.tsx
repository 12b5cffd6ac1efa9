/**
 * A field for an amount or a count, typed as people write it: grouped ("8,000,000") once the field
 * is left, and read by the shared money rules (shared/domain/money.ts: grouping by commas or
 * spaces, full-width digits, no more decimals than allowed). The text is the state; callers read
 * the number with {@link typedValue}.
 */
import { groupedInput, parseDecimal } from '../../../../shared/domain/money.ts';

/** The typed text as an integer scaled to `digits` places (minor units for money), 0 if empty. */
export const typedValue = (text: string, digits: number): number | null =>
  text.trim() === '' ? 0 : parseDecimal(text, digits);

export interface NumberInputProps {
  name?: string;
  label?: string;
  /** Decimal places allowed: the currency's minor digits for money, 0 for counts. */
  digits: number;
  locale: string;
  text: string;
  onText: (text: string) => void;
  required?: boolean;
}

export function NumberInput({ digits, locale, text, onText, ...props }: NumberInputProps) {
  return (
    <input
      type="text"
      inputMode={digits > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      name={props.name}
      aria-label={props.label}
      required={props.required}
      value={text}
      aria-invalid={typedValue(text, digits) === null}
      onInput={(e) => onText(e.currentTarget.value)}
      onBlur={() => {
        const parsed = parseDecimal(text, digits);
        if (parsed !== null) onText(groupedInput(parsed, digits, locale));
      }}
    />
  );
}
