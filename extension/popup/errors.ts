/**
 * A refused sign-in or request in words a member can act on ("That invite code is unknown,
 * expired or revoked…"), from the reply's error code; the server's own text only as a last resort.
 */
import type { Translate } from '../i18n/index.ts';

export function humanError(
  t: Translate,
  reply: { error: string; code?: string },
  context: { server?: string; signIn?: 'invite' | 'token' } = {},
): string {
  if (reply.code === 'network') return t('errorServer', { server: context.server ?? '' });
  if (context.signIn === 'invite' && (reply.code === 'not_found' || reply.code === 'gone')) {
    return t('errorInvite');
  }
  if (context.signIn === 'token' && reply.code === 'unauthorized') return t('errorToken');
  return t('error', { message: reply.error });
}
