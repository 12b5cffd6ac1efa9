/**
 * Token sign-in: the token goes once to `POST /session`, which answers with the cookie. A sign-in
 * link's code, once the member confirmed it, goes to `POST /session/signin` (same origin; with an
 * open session, its CSRF secret goes along as on every write).
 */
import { StartSessionResponse } from '../../../../shared/api/index.ts';
import { api, send } from '../app/api.ts';

export const startSession = (token: string) =>
  send(
    api.session.$post(undefined, { headers: { authorization: `Bearer ${token}` } }),
    StartSessionResponse,
  );

export const spendSigninCode = (code: string) =>
  send(api.session.signin.$post({ json: { code } }), StartSessionResponse);
