/**
 * The content script's storage reads (published view + preferences), started by the second
 * module of the bundle: the browser answers while V8 evaluates everything else, instead of after.
 */
import { stored } from '../platform/storage.ts';

export const startupRead = Promise.all([stored.view().getValue(), stored.prefs().getValue()]);
