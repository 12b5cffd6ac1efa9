/** Token sign-in: the token goes once to `POST /session`, which answers with the cookie. */
import { StartSessionResponse } from '../../../../shared/api/index.ts';
import { api, send } from '../app/api.ts';

export const startSession = (token: string) =>
  send(
    api.session.$post(undefined, { headers: { authorization: `Bearer ${token}` } }),
    StartSessionResponse,
  );
