import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { humanError } from './errors.ts';

describe('humanError', () => {
  const t = translator('en');

  it('says what a refused invite code means and what to do, in both languages', () => {
    const reply = { error: 'That invite code is unknown, expired or revoked.', code: 'not_found' };
    expect(humanError(t, reply, { signIn: 'invite' })).toBe(
      'That invite code is unknown, expired or revoked. Ask your manager for a new one.',
    );
    expect(humanError(translator('zh_CN'), reply, { signIn: 'invite' })).toMatch(/^邀请码不存在/);
  });

  it('names the server it could not reach, and refused tokens', () => {
    expect(
      humanError(t, { error: 'fetch failed', code: 'network' }, { server: 'https://x.cn' }),
    ).toBe('Cannot reach https://x.cn. Check the address and your connection.');
    expect(humanError(t, { error: 'bad token', code: 'unauthorized' }, { signIn: 'token' })).toBe(
      'That token was not accepted. Check it, or join with an invite code.',
    );
  });

  it('falls back to the server’s words, never "Error: … not found"', () => {
    expect(humanError(t, { error: 'slow down', code: 'rate_limited' })).toBe(
      'Something went wrong: slow down',
    );
  });
});
