<?php
/**
 * Per client and minute limits, as the gateway's: a fixed window of 60 s per client address and route, kept in
 * transients; above the limit, 429 with Retry-After. The client is the connection's address (REMOTE_ADDR): a
 * forwarded-for header, which anyone can write, is not believed.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * Counts this request; answers the 429 to send when the client is over `$max` a minute, else null.
 *
 * @param string $route The limited route.
 * @param int    $max   Requests a minute.
 * @return WP_REST_Response|null
 */
function lien_rate_limited( $route, $max ) {
	$client = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
	// The address is hashed: no personal data is kept in the options table.
	$key    = 'lien_rl_' . md5( $route . '|' . $client );
	$now    = time();
	$window = get_transient( $key );
	if ( ! is_array( $window ) || $window['until'] <= $now ) {
		$window = array(
			'until' => $now + 60,
			'count' => 0,
		);
	}
	++$window['count'];
	set_transient( $key, $window, max( 1, $window['until'] - $now ) );
	if ( $window['count'] <= $max ) {
		return null;
	}
	$wait = max( 1, $window['until'] - $now );
	return lien_api_error( 429, 'rate_limited', "Too many requests; retry in $wait s", null, array( 'Retry-After' => $wait ) );
}
