<?php
/**
 * HelloAsso API v5 with OAuth2 client credentials, as the gateway's client (packages/gateway/src/upstream/helloasso.ts):
 * the token is kept (option `lien_helloasso_token`, never printed) until shortly before it expires, then renewed with
 * its refresh token, or new client credentials when that fails; a 401 drops it and retries once. Errors never carry
 * the secret nor a token.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/** Renew this long before the announced expiry (ms), so a token never dies between our check and HelloAsso's. */
const LIEN_HELLOASSO_EXPIRY_MARGIN_MS = 60000;

/**
 * HelloAsso's settings: API and web addresses, credentials, amount bounds, checkouts a client may create a minute.
 *
 * @return array
 */
function lien_helloasso() {
	$bounds = (array) apply_filters( 'lien_helloasso_amount_bounds', array( 100, 1000000 ) );
	return array(
		'api_url'        => untrailingslashit( (string) apply_filters( 'lien_helloasso_api_url', 'https://api.helloasso.com' ) ),
		'web_url'        => untrailingslashit( (string) apply_filters( 'lien_helloasso_web_url', 'https://www.helloasso.com' ) ),
		'client_id'      => lien_setting( 'helloasso_client_id' ),
		'client_secret'  => lien_secret( 'helloasso_client_secret' ),
		'organization'   => lien_setting( 'helloasso_organization' ),
		'min_cents'      => (int) $bounds[0],
		'max_cents'      => (int) $bounds[1],
		'per_minute'     => (int) apply_filters( 'lien_helloasso_checkouts_per_minute', 10 ),
		'lookups_minute' => (int) apply_filters( 'lien_helloasso_lookups_per_minute', 30 ),
	);
}

/**
 * An upstream answer turned into the gateway's error: 429 stays 429 with Retry-After, the rest becomes 502.
 *
 * @param string $name     Who answered.
 * @param array  $response The answer.
 * @return WP_REST_Response
 */
function lien_upstream_error( $name, $response ) {
	$status = (int) wp_remote_retrieve_response_code( $response );
	if ( 429 === $status ) {
		$header = trim( (string) wp_remote_retrieve_header( $response, 'retry-after' ) );
		$wait   = preg_match( '/^\d+$/', $header ) ? (int) $header : ( strtotime( $header ) ? max( 0, strtotime( $header ) - time() ) : 60 );
		return lien_api_error( 429, 'upstream_rate_limited', "$name asks to slow down; retry in $wait s", null, array( 'Retry-After' => $wait ) );
	}
	if ( 401 === $status || 403 === $status ) {
		return lien_api_error( 502, 'upstream_auth_failed', "$name refused the gateway's credentials (HTTP $status)" );
	}
	if ( 404 === $status ) {
		return lien_api_error( 404, 'not_found', "$name has no such resource" );
	}
	return lien_api_error( 502, 'upstream_error', "$name answered with an error (HTTP $status)" );
}

/**
 * A request to HelloAsso, or the error answer for a network failure.
 *
 * @param string $url  The address.
 * @param array  $args wp_remote_request's arguments.
 * @return array|WP_REST_Response
 */
function lien_helloasso_request( $url, $args ) {
	$response = wp_remote_request( $url, array_merge( array( 'timeout' => 10, 'redirection' => 0 ), $args ) );
	if ( is_wp_error( $response ) ) {
		return false !== strpos( $response->get_error_message(), 'timed out' )
			? lien_api_error( 504, 'upstream_timeout', 'HelloAsso did not answer within 10 s' )
			: lien_api_error( 502, 'upstream_error', 'HelloAsso could not be reached' );
	}
	return $response;
}

/**
 * A token from HelloAsso's token endpoint, or an error answer.
 *
 * @param array $form The grant.
 * @return array|WP_REST_Response
 */
function lien_helloasso_request_token( $form ) {
	$response = lien_helloasso_request(
		lien_helloasso()['api_url'] . '/oauth2/token',
		array(
			'method'  => 'POST',
			'headers' => array( 'content-type' => 'application/x-www-form-urlencoded' ),
			'body'    => $form,
		)
	);
	if ( $response instanceof WP_REST_Response ) {
		return $response;
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	if ( $status < 200 || $status >= 300 ) {
		return lien_upstream_error( 'HelloAsso (token)', $response );
	}
	$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $body ) || ! isset( $body['access_token'] ) || ! is_string( $body['access_token'] ) || '' === $body['access_token'] ) {
		return lien_api_error( 502, 'upstream_error', 'HelloAsso answered the token request without an access token' );
	}
	$expires_in = isset( $body['expires_in'] ) && is_numeric( $body['expires_in'] ) && $body['expires_in'] > 0 ? (float) $body['expires_in'] : 1800;
	return array(
		'accessToken'  => $body['access_token'],
		'refreshToken' => isset( $body['refresh_token'] ) && is_string( $body['refresh_token'] ) ? $body['refresh_token'] : null,
		'expiresAt'    => microtime( true ) * 1000 + $expires_in * 1000,
	);
}

/**
 * A valid access token: the kept one while fresh; else renewed (refresh token, then client credentials).
 *
 * @return string|WP_REST_Response
 */
function lien_helloasso_token() {
	$settings = lien_helloasso();
	if ( '' === $settings['client_id'] || '' === $settings['client_secret'] ) {
		return lien_api_error( 503, 'not_configured', 'HelloAsso is not configured: give its client id and secret in Settings → Lien' );
	}
	$kept = json_decode( (string) get_option( 'lien_helloasso_token', '' ), true );
	if ( is_array( $kept ) && microtime( true ) * 1000 < $kept['expiresAt'] - LIEN_HELLOASSO_EXPIRY_MARGIN_MS ) {
		return $kept['accessToken'];
	}
	$token = null;
	if ( is_array( $kept ) && ! empty( $kept['refreshToken'] ) ) {
		$token = lien_helloasso_request_token(
			array(
				'grant_type'    => 'refresh_token',
				'client_id'     => $settings['client_id'],
				'refresh_token' => $kept['refreshToken'],
			)
		);
	}
	if ( ! is_array( $token ) ) {
		// A refused refresh token is not fatal: the client credentials can always get a new one.
		$token = lien_helloasso_request_token(
			array(
				'grant_type'    => 'client_credentials',
				'client_id'     => $settings['client_id'],
				'client_secret' => $settings['client_secret'],
			)
		);
	}
	if ( ! is_array( $token ) ) {
		return $token;
	}
	update_option( 'lien_helloasso_token', wp_json_encode( $token ), false );
	return $token['accessToken'];
}

/**
 * An authenticated call; answers the parsed JSON body, or an error answer.
 *
 * @param string     $method GET or POST.
 * @param string     $path   The API path.
 * @param array|null $body   A JSON body.
 * @return array|WP_REST_Response
 */
function lien_helloasso_call( $method, $path, $body = null ) {
	for ( $attempt = 0; ; $attempt++ ) {
		$token = lien_helloasso_token();
		if ( $token instanceof WP_REST_Response ) {
			return $token;
		}
		$headers = array(
			'authorization' => "Bearer $token",
			'accept'        => 'application/json',
		);
		if ( null !== $body ) {
			$headers['content-type'] = 'application/json';
		}
		$response = lien_helloasso_request(
			lien_helloasso()['api_url'] . $path,
			array(
				'method'  => $method,
				'headers' => $headers,
				'body'    => null === $body ? null : wp_json_encode( $body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ),
			)
		);
		if ( $response instanceof WP_REST_Response ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 401 === $status && 0 === $attempt ) {
			// Revoked or expired early: forget it and try once with a new one.
			delete_option( 'lien_helloasso_token' );
			continue;
		}
		if ( $status < 200 || $status >= 300 ) {
			return lien_upstream_error( 'HelloAsso', $response );
		}
		$parsed = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $parsed ) ? $parsed : lien_api_error( 502, 'upstream_error', 'HelloAsso answered with something that is not JSON' );
	}
}
