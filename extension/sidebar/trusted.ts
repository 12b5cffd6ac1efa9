/**
 * Runs `action` only for an event the browser made from the member's own input (a real click,
 * tap or key press). A page's script can call `element.click()` on, or dispatch events at,
 * anything it can reach, and those arrive with `isTrusted` false: Pacer never logs, undoes,
 * confirms or changes a setting on them (test/e2e/hostile/acting-page.test.ts).
 */
export function trusted<E extends Event>(action: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) action(event);
  };
}
