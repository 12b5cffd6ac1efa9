/**
 * Sign-in calls of the page. A token goes once to `POST /session`, which answers with the cookie;
 * a sign-in link's code, once the member confirmed it, goes to `POST /session/signin` (same
 * origin; with an open session, its CSRF secret goes along as on every write). Passkeys: the
 * options come from the worker, the browser's answer (`@simplewebauthn/browser`) goes back to it.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import {
  type CreateOrgRequest,
  CreateOrgResponse,
  PasskeyAuthenticationResponse,
  PasskeyOptionsResponse,
  PasskeyRegistrationResponse,
  PasskeyResponse,
  PasskeysResponse,
  RecoveryCodeResponse,
  StartSessionResponse,
} from '../../../../shared/api/index.ts';
import { api, get, send } from '../app/api.ts';

export const startSession = (token: string) =>
  send(
    api.session.$post(undefined, { headers: { authorization: `Bearer ${token}` } }),
    StartSessionResponse,
  );

export const spendSigninCode = (code: string) =>
  send(api.session.signin.$post({ json: { code } }), StartSessionResponse);

export const createOrg = (body: CreateOrgRequest) =>
  send(api.orgs.$post({ json: body }), CreateOrgResponse);

/** Creates a passkey on this device for the signed-in member (the browser asks to unlock it). */
export async function registerPasskey() {
  const { options } = await send(api.passkeys.register.options.$post(), PasskeyOptionsResponse);
  // biome-ignore lint/suspicious/noExplicitAny: options are the worker's @simplewebauthn JSON
  const response = await startRegistration({ optionsJSON: options as any });
  // Parsed with the contract's schema: the same shape the worker validates.
  const json = { response: PasskeyRegistrationResponse.parse(response) };
  return send(api.passkeys.$post({ json }), PasskeyResponse);
}

/** Signs this page in with any passkey of this site the browser offers. */
export async function signInWithPasskey() {
  const { options } = await send(api.passkeys.signin.options.$post(), PasskeyOptionsResponse);
  // biome-ignore lint/suspicious/noExplicitAny: options are the worker's @simplewebauthn JSON
  const response = await startAuthentication({ optionsJSON: options as any });
  const json = { response: PasskeyAuthenticationResponse.parse(response) };
  return send(api.passkeys.signin.$post({ json }), StartSessionResponse);
}

export const listPasskeys = () => get(PasskeysResponse, api.passkeys.$get());

/** A manager's one-hour sign-in link for a member of their team. */
export const recoveryLink = (memberId: string) =>
  send(api.session.codes[':memberId'].$post({ param: { memberId } }), RecoveryCodeResponse);
