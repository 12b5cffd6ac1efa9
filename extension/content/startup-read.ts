/**
 * The content script's storage read (published view, preferences, UI text), started by the second
 * module of the bundle: the browser answers while V8 evaluates everything else, instead of after.
 */
import { readPageStored } from '../platform/page-storage.ts';

export const startupRead = readPageStored(navigator.language);
