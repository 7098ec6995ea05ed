// Zoom's OAuth authorization-code flow through oauth4webapi: PKCE S256 when the install starts here, none from the Marketplace.
import * as oauth from "oauth4webapi";
import type { ZoomCredentials } from "../env.ts";

const AUTHORIZE_URL = "https://zoom.us/oauth/authorize";

export const ZOOM_AUTHORIZATION_SERVER: oauth.AuthorizationServer = {
  issuer: "https://zoom.us",
  authorization_endpoint: AUTHORIZE_URL,
  token_endpoint: "https://zoom.us/oauth/token",
};

/** What the install route keeps in its signed cookie to finish the flow it started. */
export interface PendingAuthorization {
  state: string;
  codeVerifier: string;
}

export async function startAuthorization(
  clientId: string,
  redirectUri: string,
): Promise<{ url: URL; pending: PendingAuthorization }> {
  const pending = { state: oauth.generateRandomState(), codeVerifier: oauth.generateRandomCodeVerifier() };
  const url = new URL(AUTHORIZE_URL);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", pending.state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { url, pending };
}

/**
 * HTTP Basic with the raw `client_id:client_secret`, exactly as Zoom's documentation and samples send it.
 * oauth4webapi's ClientSecretBasic form-encodes both first (RFC 6749 §2.3.1, `-` becomes `%2D`), a form Zoom
 * does not document; sending what Zoom documents avoids depending on it.
 */
function zoomClientAuth(clientSecret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    headers.set("Authorization", `Basic ${btoa(`${client.client_id}:${clientSecret}`)}`);
  };
}

export type CodeExchange =
  | { ok: true; accessToken: string }
  | { ok: false; reason: "denied_or_invalid_callback" | "token_exchange_failed" };

/**
 * Validates the callback and exchanges its code. With `pending` the callback must carry that very state and the
 * verifier goes along; without it (an install started on the Zoom Marketplace) the callback must carry no state.
 * Errors are reduced to a reason: neither the code nor any token is ever logged or echoed.
 */
export async function exchangeCode(
  credentials: ZoomCredentials,
  callbackUrl: URL,
  redirectUri: string,
  pending: PendingAuthorization | null,
): Promise<CodeExchange> {
  const client: oauth.Client = { client_id: credentials.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(
      ZOOM_AUTHORIZATION_SERVER,
      client,
      callbackUrl,
      pending ? pending.state : oauth.expectNoState,
    );
  } catch {
    return { ok: false, reason: "denied_or_invalid_callback" };
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      ZOOM_AUTHORIZATION_SERVER,
      client,
      zoomClientAuth(credentials.clientSecret),
      params,
      redirectUri,
      // Zoom accepts a code without PKCE when the flow began on its Marketplace, where no verifier exists.
      pending ? pending.codeVerifier : oauth.nopkce,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(ZOOM_AUTHORIZATION_SERVER, client, response);
    return { ok: true, accessToken: tokens.access_token };
  } catch {
    return { ok: false, reason: "token_exchange_failed" };
  }
}
