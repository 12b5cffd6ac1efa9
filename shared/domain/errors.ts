/**
 * A rule of the domain refused its input (a number out of range, a split that cannot be made).
 * It is the caller's input that is wrong, not the program: the API answers it with 400
 * (worker/http/on-error.ts). A subclass of RangeError, so code that catches RangeError still
 * sees it.
 */
export class DomainError extends RangeError {
  override name = 'DomainError';
}
