<?php
/**
 * The key-holding proxies, as the gateway's (its OpenAPI document): GET /v1/proxy/acceslibre/erps/ and
 * /v1/proxy/api-engagement/mission add the association's key (saved write-only in the settings) and take only the
 * upstream's documented query keys; /v1/proxy/lingualibre/records asks Lingua Libre's SPARQL endpoint the one
 * query the gateway writes. Answers are cached in transients, paging links point back at this site, an upstream
 * that asks to wait (429) is not called again before, and each client is limited per minute. No key and no upstream
 * address ever appears in an answer.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/** A query string long enough for any real search. */
const LIEN_PROXY_MAX_QUERY = 2000;

/**
 * The proxies: route => what it reaches and how.
 *
 * @return array<string, array>
 */
function lien_proxies() {
	return array(
		'/proxy/acceslibre/erps/'      => array(
			'name'     => 'Acceslibre',
			'setting'  => 'acceslibre_api_key',
			'url'      => untrailingslashit( (string) apply_filters( 'lien_acceslibre_api_url', 'https://acceslibre.beta.gouv.fr' ) ) . '/api/erps/',
			'header'   => static fn( $key ) => array( 'authorization' => "Api-Key $key" ),
			'keys'     => array( 'q', 'commune', 'code_postal', 'code_insee', 'activite', 'zone', 'around', 'equipments', 'page', 'page_size' ),
			'integers' => array(
				'page'      => array( 1, 100000 ),
				'page_size' => array( 1, 1000 ),
			),
		),
		'/proxy/api-engagement/mission' => array(
			'name'     => 'API Engagement',
			'setting'  => 'api_engagement_api_key',
			'url'      => untrailingslashit( (string) apply_filters( 'lien_api_engagement_api_url', 'https://api.api-engagement.beta.gouv.fr' ) ) . '/v0/mission',
			'header'   => static fn( $key ) => array( 'x-api-key' => $key ),
			'keys'     => array( 'limit', 'skip', 'keywords', 'domain', 'type', 'remote', 'lat', 'lon', 'distance', 'city', 'departmentName', 'openToMinors', 'reducedMobilityAccessible' ),
			'integers' => array(),
		),
	);
}

/**
 * The proxies' settings: per-client limit a minute, and how long answers are kept.
 *
 * @return array{rate_limit: int, cache_seconds: int, timeout: int}
 */
function lien_proxy_limits() {
	return array(
		'rate_limit'    => (int) apply_filters( 'lien_proxy_rate_limit', 60 ),
		'cache_seconds' => (int) apply_filters( 'lien_proxy_cache_seconds', 300 ),
		'timeout'       => 10,
	);
}

add_action(
	'rest_api_init',
	static function () {
		foreach ( lien_proxies() as $route => $proxy ) {
			register_rest_route(
				LIEN_API_NAMESPACE,
				preg_quote( $route, '#' ),
				array(
					array(
						'methods'             => 'GET',
						'callback'            => static fn( WP_REST_Request $request ) => lien_api_proxy( $route, $proxy, $request ),
						// Anyone may search: the route spends the key within its limits instead.
						'permission_callback' => '__return_true',
					),
					array(
						'methods'             => array( 'POST', 'PUT', 'PATCH', 'DELETE' ),
						'callback'            => static fn() => lien_api_error( 405, 'method_not_allowed', "/v1$route only answers GET", null, array( 'Allow' => 'GET, HEAD' ) ),
						'permission_callback' => '__return_true',
					),
				)
			);
		}
		register_rest_route(
			LIEN_API_NAMESPACE,
			'/proxy/lingualibre/records',
			array(
				'methods'             => 'GET',
				'callback'            => 'lien_api_lingualibre_records',
				'permission_callback' => '__return_true',
			)
		);
	}
);

/**
 * The request's query as sent (PHP would merge repeated keys), checked against the upstream's documented keys and
 * sorted, so that equal queries share a cache entry. Answers the query string, or an error answer.
 *
 * @param array $proxy The proxy.
 * @return string|WP_REST_Response
 */
function lien_proxy_query( $proxy ) {
	$raw = isset( $_SERVER['QUERY_STRING'] ) ? (string) wp_unslash( $_SERVER['QUERY_STRING'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- parsed, allow-listed and re-encoded below.
	if ( strlen( $raw ) > LIEN_PROXY_MAX_QUERY ) {
		return lien_api_error( 400, 'bad_request', 'The query is too long (at most ' . LIEN_PROXY_MAX_QUERY . ' characters)' );
	}
	$pairs = array();
	foreach ( '' === $raw ? array() : explode( '&', $raw ) as $part ) {
		if ( '' === $part ) {
			continue;
		}
		list( $key, $value ) = array_pad( explode( '=', $part, 2 ), 2, '' );
		$key                 = urldecode( $key );
		// WordPress's own parameter, when pretty permalinks are off; never the upstream's.
		if ( 'rest_route' === $key ) {
			continue;
		}
		$pairs[] = array( $key, urldecode( $value ) );
	}
	$unknown = array_values( array_unique( array_diff( array_column( $pairs, 0 ), $proxy['keys'] ) ) );
	if ( $unknown ) {
		$plural = count( $unknown ) > 1 ? 's' : '';
		return lien_api_error( 400, 'bad_request', "Unknown query parameter$plural: " . implode( ', ', $unknown ) . '; this proxy accepts ' . implode( ', ', $proxy['keys'] ), array_fill_keys( $unknown, 'not accepted by this proxy' ) );
	}
	foreach ( $pairs as list( $key, $value ) ) {
		if ( isset( $proxy['integers'][ $key ] ) ) {
			list( $min, $max ) = $proxy['integers'][ $key ];
			if ( ! preg_match( '/^\d{1,9}$/', $value ) || (int) $value < $min || (int) $value > $max ) {
				return lien_api_error( 400, 'bad_request', "$key must be a whole number from $min to $max", array( $key => "integer {$min}–{$max}" ) );
			}
		}
	}
	return lien_sorted_query( $pairs );
}

/**
 * Key-value pairs as a query string, sorted by key (stable, as URLSearchParams.sort), encoded as URLSearchParams does.
 *
 * @param array $pairs List of array( key, value ).
 * @return string
 */
function lien_sorted_query( $pairs ) {
	$indexed = array();
	foreach ( array_values( $pairs ) as $i => $pair ) {
		$indexed[] = array( $pair[0], $i, $pair[1] );
	}
	usort( $indexed, static fn( $a, $b ) => strcmp( $a[0], $b[0] ) ?: $a[1] - $b[1] );
	$encode = static fn( $text ) => str_replace( array( '%20', '%2A', '%7E' ), array( '+', '*', '~' ), rawurlencode( $text ) );
	return implode( '&', array_map( static fn( $p ) => $encode( $p[0] ) . '=' . $encode( $p[2] ), $indexed ) );
}

/**
 * One upstream call: refused at once while the upstream asked to wait, its 429 remembered. Answers the body and
 * its parsed JSON, or an error answer that never names the upstream's address nor passes its body on.
 *
 * @param string $name    The upstream's name.
 * @param string $url     The address (with any query).
 * @param array  $headers Headers (the key).
 * @return array{body: string, parsed: mixed}|WP_REST_Response
 */
function lien_upstream_get( $name, $url, $headers ) {
	$wait_key = 'lien_wait_' . md5( $name );
	$until    = (int) get_transient( $wait_key );
	if ( $until > time() ) {
		return lien_api_error( 429, 'upstream_rate_limited', "$name asked to slow down; retry later", null, array( 'Retry-After' => $until - time() ) );
	}
	$response = wp_remote_get(
		$url,
		array(
			'headers'     => array_merge( array( 'accept' => 'application/json' ), $headers ),
			'timeout'     => lien_proxy_limits()['timeout'],
			'redirection' => 0,
		)
	);
	if ( is_wp_error( $response ) ) {
		return false !== strpos( $response->get_error_message(), 'timed out' )
			? lien_api_error( 504, 'upstream_timeout', "$name did not answer within " . lien_proxy_limits()['timeout'] . ' s' )
			: lien_api_error( 502, 'upstream_unreachable', "$name could not be reached" );
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	if ( 429 === $status ) {
		$header = (string) wp_remote_retrieve_header( $response, 'retry-after' );
		$wait   = preg_match( '/^\d+$/', trim( $header ) ) ? (int) $header : ( strtotime( $header ) ? max( 0, strtotime( $header ) - time() ) : 60 );
		set_transient( $wait_key, time() + $wait, max( 1, $wait ) );
		return lien_api_error( 429, 'upstream_rate_limited', "$name asks to slow down; retry in $wait s", null, array( 'Retry-After' => $wait ) );
	}
	if ( 401 === $status || 403 === $status ) {
		return lien_api_error( 502, 'upstream_auth_failed', "$name refused the gateway's credentials (HTTP $status)" );
	}
	if ( 404 === $status ) {
		return lien_api_error( 404, 'not_found', "$name has no such resource" );
	}
	if ( $status < 200 || $status >= 300 ) {
		return lien_api_error( 502, 'upstream_error', "$name answered with an error (HTTP $status)" );
	}
	$body   = (string) wp_remote_retrieve_body( $response );
	$parsed = json_decode( $body, true );
	if ( null === $parsed && 'null' !== trim( $body ) ) {
		return lien_api_error( 502, 'upstream_error', "$name answered with something that is not JSON" );
	}
	return array(
		'body'   => $body,
		'parsed' => $parsed,
	);
}

/**
 * An upstream page link as the same page on this site's route (a path, no origin): the upstream is never shown, and
 * a browser following it stays on the site, which holds the key. Query keys the proxy does not take are dropped.
 *
 * @param mixed  $link  The upstream's link.
 * @param string $route The proxy's route.
 * @param array  $keys  The keys it takes.
 * @return string|null
 */
function lien_proxy_link( $link, $route, $keys ) {
	if ( ! is_string( $link ) ) {
		return null;
	}
	$query = (string) wp_parse_url( $link, PHP_URL_QUERY );
	$pairs = array();
	foreach ( '' === $query ? array() : explode( '&', $query ) as $part ) {
		list( $key, $value ) = array_pad( explode( '=', $part, 2 ), 2, '' );
		if ( in_array( urldecode( $key ), $keys, true ) ) {
			$pairs[] = array( urldecode( $key ), urldecode( $value ) );
		}
	}
	// The route's address on this site, without its origin: with plain permalinks it carries `?rest_route=…`.
	$own  = rest_url( LIEN_API_NAMESPACE . $route );
	$path = (string) wp_parse_url( $own, PHP_URL_PATH );
	$base = (string) wp_parse_url( $own, PHP_URL_QUERY );
	$text = lien_sorted_query( $pairs );
	$all  = implode( '&', array_filter( array( $base, $text ), static fn( $part ) => '' !== $part ) );
	return '' === $all ? $path : "$path?$all";
}

/**
 * GET on a proxy.
 *
 * @param string          $route   The proxy's route.
 * @param array           $proxy   The proxy.
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_proxy( $route, $proxy, WP_REST_Request $request ) {
	unset( $request );
	$limits  = lien_proxy_limits();
	$limited = lien_rate_limited( $route, $limits['rate_limit'] );
	if ( $limited ) {
		return $limited;
	}
	$key = lien_secret( $proxy['setting'] );
	if ( '' === $key ) {
		return lien_api_error( 503, 'not_configured', "The {$proxy['name']} proxy is off: give its API key in Settings → Lien" );
	}
	$query = lien_proxy_query( $proxy );
	if ( $query instanceof WP_REST_Response ) {
		return $query;
	}
	$cache_key = 'lien_proxy_' . md5( $route . '?' . $query );
	$cached    = get_transient( $cache_key );
	$hit       = is_string( $cached );
	if ( ! $hit ) {
		$answer = lien_upstream_get( $proxy['name'], $proxy['url'] . ( '' === $query ? '' : "?$query" ), ( $proxy['header'] )( $key ) );
		if ( $answer instanceof WP_REST_Response ) {
			return $answer;
		}
		$cached = $answer['body'];
		// Decoded again as objects, so that `{}` stays an object when the answer is written back.
		$object = json_decode( $answer['body'] );
		if ( is_object( $object ) ) {
			foreach ( array( 'next', 'previous' ) as $link ) {
				if ( isset( $object->$link ) && is_string( $object->$link ) ) {
					$object->$link = lien_proxy_link( $object->$link, $route, $proxy['keys'] );
					$cached        = (string) wp_json_encode( $object, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
				}
			}
		}
		set_transient( $cache_key, $cached, $limits['cache_seconds'] );
	}
	return lien_raw_json( $cached, $limits['cache_seconds'], $hit );
}

/**
 * An answer whose body is JSON text already (an upstream's, as received): sent as it is.
 *
 * @param string $body          The JSON text.
 * @param int    $cache_seconds How long a cache may keep it.
 * @param bool   $hit           Whether it came from the cache.
 * @return WP_REST_Response
 */
function lien_raw_json( $body, $cache_seconds, $hit ) {
	add_filter(
		'rest_pre_serve_request',
		static function ( $served, $result ) use ( $body ) {
			if ( $served || 200 !== $result->get_status() ) {
				return $served;
			}
			echo $body; // phpcs:ignore WordPress.Security.EscapeOutput -- JSON served as application/json, as received.
			return true;
		},
		10,
		2
	);
	$response = new WP_REST_Response( null, 200 );
	$response->header( 'Content-Type', 'application/json; charset=utf-8' );
	$response->header( 'Cache-Control', "public, max-age=$cache_seconds" );
	$response->header( 'X-Lien-Cache', $hit ? 'hit' : 'miss' );
	return $response;
}

/**
 * GET /v1/proxy/lingualibre/records?word=…&lang=fsl: the recordings of one word, with the query this site writes.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_lingualibre_records( WP_REST_Request $request ) {
	$limits  = lien_proxy_limits();
	$limited = lien_rate_limited( '/proxy/lingualibre/records', $limits['rate_limit'] );
	if ( $limited ) {
		return $limited;
	}
	$word = is_string( $request->get_param( 'word' ) ) ? lien_js_trim( $request->get_param( 'word' ) ) : '';
	$lang = is_string( $request->get_param( 'lang' ) ) && '' !== $request->get_param( 'lang' ) ? $request->get_param( 'lang' ) : 'fsl';
	if ( '' === $word || lien_js_length( $word ) > 200 ) {
		return lien_api_error( 400, 'bad_request', 'word is required (at most 200 characters)', array( 'word' => '1–200 characters' ) );
	}
	$items = array( 'fsl' => 'Q99628' );
	if ( ! isset( $items[ $lang ] ) ) {
		return lien_api_error( 400, 'bad_request', "Lingua Libre's item for the sign language \"$lang\" is not known", array( 'lang' => implode( ' | ', array_keys( $items ) ) ) );
	}
	$lower     = mb_strtolower( $word );
	$literal   = '"' . str_replace( array( '\\', '"', "\n", "\r" ), array( '\\\\', '\\"', '\\n', '\\r' ), $lower ) . '"';
	$query     = 'SELECT ?word ?filename ?speaker WHERE { ?record prop:P2 entity:Q2 . ' .
		"?record prop:P4 entity:{$items[ $lang ]} . ?record prop:P7 ?word . ?record prop:P3 ?filename . ?record prop:P5 ?speakerItem . " .
		'?speakerItem rdfs:label ?speaker filter ( lang( ?speaker ) = "en" ) . ' . "FILTER ( LCASE( STR( ?word ) ) = $literal ) }";
	$cache_key = 'lien_proxy_' . md5( "/proxy/lingualibre/records?$lang:$lower" );
	$cached    = get_transient( $cache_key );
	$hit       = is_string( $cached );
	if ( ! $hit ) {
		$endpoint = (string) apply_filters( 'lien_lingualibre_sparql_url', 'https://lingualibre.org/bigdata/namespace/wdq/sparql' );
		$answer   = lien_upstream_get( 'Lingua Libre', $endpoint . '?' . http_build_query( array( 'query' => $query, 'format' => 'json' ), '', '&', PHP_QUERY_RFC3986 ), array() );
		if ( $answer instanceof WP_REST_Response ) {
			return $answer;
		}
		$cached = $answer['body'];
		set_transient( $cache_key, $cached, $limits['cache_seconds'] );
	}
	return lien_raw_json( $cached, $limits['cache_seconds'], $hit );
}
