/**
 * The content script's one storage read (published view + preferences), started by the second
 * module of the bundle: the browser answers while V8 evaluates everything else, instead of after.
 */
import { PREFS_KEY } from '../platform/prefs.ts';
import { readStoredKeys } from '../platform/storage.ts';
import { VIEW_KEY } from '../platform/view.ts';

export const startupRead = readStoredKeys([VIEW_KEY, PREFS_KEY]);
