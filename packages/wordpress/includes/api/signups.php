<?php
/**
 * POST /wp-json/lien/v1/signups and GET /wp-json/lien/v1/signups.csv: the gateway's routes (its OpenAPI document),
 * served by WordPress, with the signups in the plugin's own table.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/** The largest body taken, as the gateway's default (64 KiB). */
const LIEN_BODY_LIMIT_BYTES = 65536;

/**
 * The signup settings: per-client limit a minute, and the shortest time between showing and sending the form.
 *
 * @return array{rate_limit: int, min_fill_ms: int}
 */
function lien_signup_limits() {
	return array(
		'rate_limit'  => (int) apply_filters( 'lien_signup_rate_limit', 10 ),
		'min_fill_ms' => (int) apply_filters( 'lien_signup_min_fill_ms', 3000 ),
	);
}

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			LIEN_API_NAMESPACE,
			'/signups',
			array(
				'methods'             => 'POST',
				'callback'            => 'lien_api_post_signup',
				// Anyone may sign up: the route checks the body, the robots and the rate instead.
				'permission_callback' => '__return_true',
			)
		);
		register_rest_route(
			LIEN_API_NAMESPACE,
			'/signups\.csv',
			array(
				'methods'             => 'GET',
				'callback'            => 'lien_api_signups_csv',
				'permission_callback' => 'lien_api_administrators_only',
			)
		);
	}
);

/**
 * POST /v1/signups.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_post_signup( WP_REST_Request $request ) {
	$limits  = lien_signup_limits();
	$limited = lien_rate_limited( 'signups', $limits['rate_limit'] );
	if ( $limited ) {
		return $limited;
	}
	if ( strlen( $request->get_body() ) > LIEN_BODY_LIMIT_BYTES ) {
		return lien_api_error( 413, 'body_too_large', 'Request body is too large' );
	}
	$content_type = $request->get_content_type();
	$type         = is_array( $content_type ) ? $content_type['value'] : '';
	if ( 'application/json' !== $type ) {
		return lien_api_error( 415, 'unsupported_media_type', "Unsupported Media Type: $type" );
	}
	$key = $request->get_header( 'idempotency_key' );
	if ( null !== $key && ! preg_match( '/^[\x21-\x7e]{8,200}$/D', $key ) ) {
		return lien_api_error( 400, 'bad_idempotency_key', 'Idempotency-Key must be 8 to 200 visible ASCII characters', array( 'Idempotency-Key' => '8–200 visible ASCII characters' ) );
	}
	$raw = json_decode( $request->get_body() );
	if ( null === $raw && 'null' !== trim( $request->get_body() ) ) {
		return lien_api_error( 400, 'bad_json', 'The body is not JSON' );
	}
	// Decoded again as arrays once it is known to be an object: PHP reads `{}` and `[]` alike.
	$body = is_object( $raw ) ? json_decode( $request->get_body(), true ) : false;
	$now     = microtime( true ) * 1000;
	$checked = lien_validate_signup( $body, $now );
	if ( isset( $checked['fields'] ) ) {
		$list = array();
		foreach ( $checked['fields'] as $field => $problem ) {
			$list[] = "$field ($problem)";
		}
		return lien_api_error( 400, 'invalid_signup', 'Please check: ' . implode( '; ', $list ), $checked['fields'] );
	}
	if ( '' !== lien_js_trim( $checked['honeypot'] ) ) {
		return lien_api_error( 400, 'spam_suspected', 'The field labelled "leave empty" must stay empty', array( 'honeypot' => 'must be empty' ) );
	}
	if ( $now - $checked['started_at'] < $limits['min_fill_ms'] ) {
		return lien_api_error( 400, 'too_fast', 'The form was sent too quickly after it was shown; please check it and send it again', array( 'startedAt' => 'the form must be shown at least ' . (int) ceil( $limits['min_fill_ms'] / 1000 ) . ' s before it is sent' ) );
	}
	$stored = lien_store_signup( $checked['input'], $key );
	if ( $stored instanceof WP_REST_Response ) {
		return $stored;
	}
	$response = new WP_REST_Response(
		array(
			'id'        => $stored['id'],
			'missionId' => $stored['missionId'],
			'createdAt' => $stored['createdAt'],
		),
		201
	);
	if ( $stored['replayed'] ) {
		$response->header( 'Idempotent-Replayed', 'true' );
	} else {
		lien_notify_signup( $stored['id'] );
	}
	return $response;
}

/**
 * One CSV cell: quotes doubled; a cell a spreadsheet would run as a formula gets a leading apostrophe (one that
 * starts, after invisible or space characters, with = + - @ or their fullwidth forms, or with a tab or CR).
 *
 * @param mixed $value The value.
 * @return string
 */
function lien_csv_cell( $value ) {
	$text = null === $value ? '' : (string) $value;
	if ( preg_match( '/^[\s\x{200b}-\x{200f}\x{2060}\x{feff}]*[=+\-@\x{ff1d}\x{ff0b}\x{ff0d}\x{ff20}]|^[\t\r]/u', $text ) ) {
		$text = "'" . $text;
	}
	return preg_match( '/[",\r\n;]/', $text ) || lien_js_trim( $text ) !== $text ? '"' . str_replace( '"', '""', $text ) . '"' : $text;
}

/**
 * Every signup as CSV, UTF-8 with a BOM (spreadsheets then read accents right), as the gateway writes it.
 *
 * @return string
 */
function lien_signups_csv() {
	$lines = array( 'id,created_at,mission_id,name,email,phone,availability,skills,message,consents' );
	foreach ( lien_signups() as $r ) {
		$consents = array_map( static fn( $c ) => $c['purpose'] . ' @ ' . $c['givenAt'] . ': ' . $c['wording'], $r['consents'] );
		$cells    = array( $r['id'], $r['created_at'], $r['mission_id'], $r['name'], $r['email'], $r['phone'], $r['availability'], implode( ' | ', $r['skills'] ), $r['message'], implode( ' | ', $consents ) );
		$lines[]  = implode( ',', array_map( 'lien_csv_cell', $cells ) );
	}
	return "\xEF\xBB\xBF" . implode( "\r\n", $lines ) . "\r\n";
}

/**
 * GET /v1/signups.csv: served as a file, never as JSON.
 */
function lien_api_signups_csv() {
	add_filter(
		'rest_pre_serve_request',
		static function () {
			header( 'Content-Type: text/csv; charset=utf-8' );
			header( 'Content-Disposition: attachment; filename="signups.csv"' );
			header( 'Cache-Control: no-store' );
			echo lien_signups_csv(); // phpcs:ignore WordPress.Security.EscapeOutput -- a CSV file, its cells quoted for spreadsheets.
			return true;
		}
	);
	return new WP_REST_Response( null, 200 );
}
