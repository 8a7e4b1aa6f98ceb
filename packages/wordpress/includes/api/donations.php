<?php
/**
 * HelloAsso checkouts, as the gateway's routes (packages/gateway/src/routes/donations.ts, its OpenAPI document):
 * POST /v1/donations/helloasso/checkout creates a checkout intent whose return addresses are this site's; the
 * donor comes back through /v1/donations/helloasso/return/{reference}/{way}, which notes what the way tells and
 * sends them on to their page; GET /v1/donations/helloasso/checkout/{reference} answers HelloAsso's word; signed
 * notifications make the site look a checkout up. A return or a notification proves nothing by itself: only
 * HelloAsso's lookup confirms a payment.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

const LIEN_SLUG           = '/^[a-z0-9][a-z0-9-]{0,99}$/D';
const LIEN_REFERENCE      = '/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/D';
const LIEN_RETURN_WAYS    = array( 'return', 'back', 'error' );
const LIEN_PAID_STATES    = array( 'Authorized', 'AuthorizedPreprod', 'Registered' );
const LIEN_FAILED_STATES  = array( 'Refused', 'Error', 'Canceled', 'Abandoned' );
const LIEN_NOTIFY_SOURCES = array( '51.138.206.200' );

add_action(
	'rest_api_init',
	static function () {
		// Anyone may give: each route checks its input, its rate and HelloAsso's word instead.
		$routes = array(
			'/donations/helloasso/checkout'                                   => array( 'POST', 'lien_api_create_checkout' ),
			'/donations/helloasso/checkout/(?P<reference>[^/]+)'              => array( 'GET', 'lien_api_checkout_state' ),
			'/donations/helloasso/return/(?P<reference>[^/]+)/(?P<way>[^/]+)' => array( 'GET', 'lien_api_checkout_return' ),
			'/donations/helloasso/notifications'                              => array( 'POST', 'lien_api_helloasso_notification' ),
		);
		foreach ( $routes as $route => list( $method, $callback ) ) {
			register_rest_route(
				LIEN_API_NAMESPACE,
				$route,
				array(
					'methods'             => $method,
					'callback'            => $callback,
					'permission_callback' => '__return_true',
				)
			);
		}
	}
);

/**
 * An https page, or http on the local machine; anything else could send a donor somewhere unsafe.
 *
 * @param mixed $value The address.
 * @return string|null
 */
function lien_safe_return_url( $value ) {
	// PHP and browsers read a backslash, a space or a control character differently (`https://evil\\@site/`):
	// such an address is refused, and the one kept is rebuilt from the parts PHP read.
	if ( ! is_string( $value ) || strlen( $value ) > 2000 || preg_match( '/[\\\\\s\x00-\x1f\x7f]/', $value ) ) {
		return null;
	}
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || empty( $parts['scheme'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	$local  = in_array( $parts['host'], array( 'localhost', '127.0.0.1', '[::1]' ), true );
	if ( 'https' !== $scheme && ! ( 'http' === $scheme && $local ) ) {
		return null;
	}
	return $scheme . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . ( $parts['path'] ?? '/' ) .
		( isset( $parts['query'] ) ? '?' . $parts['query'] : '' ) . ( isset( $parts['fragment'] ) ? '#' . $parts['fragment'] : '' );
}

/**
 * The origin of an address (`https://asso.example`).
 *
 * @param string $url The address.
 * @return string
 */
function lien_origin( $url ) {
	$parts = wp_parse_url( $url );
	return ( $parts['scheme'] ?? '' ) . '://' . ( $parts['host'] ?? '' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
}

/**
 * POST /v1/donations/helloasso/checkout.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_create_checkout( WP_REST_Request $request ) {
	$settings = lien_helloasso();
	$limited  = lien_rate_limited( 'checkout', $settings['per_minute'] );
	if ( $limited ) {
		return $limited;
	}
	// As the gateway's JSON parser answers: another type is 415, an empty body is not JSON, `null` is an empty object.
	$content_type = $request->get_content_type();
	if ( ! is_array( $content_type ) || 'application/json' !== $content_type['value'] ) {
		return lien_api_error( 415, 'unsupported_media_type', 'Unsupported Media Type: ' . ( is_array( $content_type ) ? $content_type['value'] : '' ) );
	}
	$text = trim( $request->get_body() );
	if ( '' === $text ) {
		return lien_api_error( 400, 'bad_json', 'Body cannot be empty when content-type is set to \'application/json\'' );
	}
	$raw = 'null' === $text ? new stdClass() : json_decode( $text );
	if ( ! is_object( $raw ) ) {
		return lien_api_error( 400, 'bad_request', 'The body must be a JSON object' );
	}
	$b      = 'null' === $text ? array() : json_decode( $text, true );
	$fields = array();
	$amount = $b['amount'] ?? null;
	// JSON has numbers, not integers: 2500.0 is the integer 2500, as JavaScript reads it.
	if ( is_float( $amount ) && is_finite( $amount ) && floor( $amount ) === $amount && abs( $amount ) < 1e15 ) {
		$amount = (int) $amount;
	}
	if ( ! is_int( $amount ) ) {
		$fields['amount'] = 'required: an integer number of cents';
	} elseif ( $amount < $settings['min_cents'] || $amount > $settings['max_cents'] ) {
		$fields['amount'] = "from {$settings['min_cents']} to {$settings['max_cents']} cents";
	}
	$frequency = $b['frequency'] ?? 'once';
	if ( 'once' !== $frequency && 'monthly' !== $frequency ) {
		$fields['frequency'] = 'once | monthly';
	}
	$organization = $b['organization'] ?? ( '' !== $settings['organization'] ? $settings['organization'] : null );
	if ( ! is_string( $organization ) || ! preg_match( LIEN_SLUG, $organization ) ) {
		$fields['organization'] = 'required: the association’s HelloAsso slug';
	} elseif ( '' !== $settings['organization'] && $organization !== $settings['organization'] ) {
		$fields['organization'] = 'this gateway only takes donations for its own association';
	}
	$form = array_key_exists( 'form', $b ) ? $b['form'] : null;
	if ( array_key_exists( 'form', $b ) && ( ! is_string( $form ) || ! preg_match( LIEN_SLUG, $form ) ) ) {
		$fields['form'] = 'a HelloAsso form slug';
	}
	$own        = lien_origin( home_url() );
	$return_url = lien_safe_return_url( $b['returnUrl'] ?? null );
	if ( ! $return_url ) {
		$fields['returnUrl'] = 'required: an https URL (http only for localhost)';
	} elseif ( lien_origin( $return_url ) !== $own ) {
		$fields['returnUrl'] = 'a page of the gateway’s origin or of one named in LIEN_ALLOWED_ORIGINS';
	}
	$item = $b['itemName'] ?? 'Don';
	if ( ! is_string( $item ) || '' === lien_js_trim( $item ) || lien_js_length( $item ) > 250 ) {
		$fields['itemName'] = 'text of at most 250 characters';
	}
	if ( 'monthly' === $frequency && null === $form ) {
		$fields['form'] = 'required for a monthly donation: the association’s donation form, where HelloAsso handles monthly giving';
	}
	if ( $fields ) {
		return lien_api_error( 400, 'invalid_donation', 'Please check: ' . implode( ', ', array_keys( $fields ) ), $fields );
	}
	if ( 'monthly' === $frequency ) {
		// Checkout intents are one-off payments; monthly giving lives on the association's own HelloAsso form.
		return new WP_REST_Response(
			array(
				'redirectUrl' => "{$settings['web_url']}/associations/$organization/formulaires/$form",
				'id'          => null,
				'reference'   => null,
				'kind'        => 'form',
			)
		);
	}
	$reference = wp_generate_uuid4();
	$way       = static fn( $name ) => rest_url( LIEN_API_NAMESPACE . "/donations/helloasso/return/$reference/$name" );
	$intent    = lien_helloasso_call(
		'POST',
		"/v5/organizations/$organization/checkout-intents",
		array(
			'totalAmount'      => $amount,
			'initialAmount'    => $amount,
			'itemName'         => lien_js_trim( $item ),
			'backUrl'          => $way( 'back' ),
			'errorUrl'         => $way( 'error' ),
			'returnUrl'        => $way( 'return' ),
			'containsDonation' => true,
			'metadata'         => array(
				'source'    => 'lien',
				'reference' => $reference,
			),
		)
	);
	if ( $intent instanceof WP_REST_Response ) {
		return $intent;
	}
	if ( ! isset( $intent['id'] ) || ! ( is_int( $intent['id'] ) || is_string( $intent['id'] ) ) || ! isset( $intent['redirectUrl'] ) || ! is_string( $intent['redirectUrl'] ) ) {
		return lien_api_error( 502, 'upstream_error', 'HelloAsso answered without a checkout id or redirect URL' );
	}
	global $wpdb;
	$wpdb->insert(
		lien_checkouts_table(),
		array(
			'id'           => (string) $intent['id'],
			'organization' => $organization,
			'amount_cents' => $amount,
			'reference'    => $reference,
			'page_url'     => $return_url,
			'created_at'   => lien_iso_time( microtime( true ) * 1000 ),
		),
		array( '%s', '%s', '%d', '%s', '%s', '%s' )
	);
	return new WP_REST_Response(
		array(
			'redirectUrl' => $intent['redirectUrl'],
			'id'          => (string) $intent['id'],
			'reference'   => $reference,
			'kind'        => 'checkout',
		)
	);
}

/**
 * A checkout this site created, by a column (`reference` or `id`).
 *
 * @param string $column The column.
 * @param string $value  Its value.
 * @return array|null
 */
function lien_checkout( $column, $value ) {
	global $wpdb;
	$table = lien_checkouts_table();
	$sql   = 'reference' === $column ? "SELECT * FROM $table WHERE reference = %s" : "SELECT * FROM $table WHERE id = %s";
	return $wpdb->get_row( $wpdb->prepare( $sql, $value ), ARRAY_A ) ?: null; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- one of two fixed statements.
}

/**
 * What an order's payments say: confirmed when one is paid, refused when every one failed; otherwise nothing.
 *
 * @param mixed $payments The payments.
 * @return string|null
 */
function lien_payments_outcome( $payments ) {
	$outcomes = array();
	foreach ( is_array( $payments ) ? $payments : array() as $payment ) {
		$state      = is_array( $payment ) && isset( $payment['state'] ) ? $payment['state'] : null;
		$outcomes[] = in_array( $state, LIEN_PAID_STATES, true ) ? 'confirmed' : ( in_array( $state, LIEN_FAILED_STATES, true ) ? 'refused' : null );
	}
	if ( in_array( 'confirmed', $outcomes, true ) ) {
		return 'confirmed';
	}
	return $outcomes && count( array_filter( $outcomes, static fn( $o ) => 'refused' === $o ) ) === count( $outcomes ) ? 'refused' : null;
}

/**
 * HelloAsso's word on a checkout, with what the site knows besides; a confirmation is kept.
 *
 * @param array $row The checkout.
 * @return string|WP_REST_Response
 */
function lien_look_up_checkout( $row ) {
	if ( 'confirmed' === $row['outcome'] ) {
		return 'confirmed';
	}
	$intent = lien_helloasso_call( 'GET', "/v5/organizations/{$row['organization']}/checkout-intents/{$row['id']}" );
	if ( $intent instanceof WP_REST_Response ) {
		return $intent;
	}
	$looked = lien_payments_outcome( $intent['order']['payments'] ?? null ) ?? 'pending';
	if ( 'confirmed' === $looked ) {
		global $wpdb;
		$wpdb->update( lien_checkouts_table(), array( 'outcome' => 'confirmed' ), array( 'id' => $row['id'] ) );
	}
	return 'pending' === $looked ? ( $row['outcome'] ?? 'pending' ) : $looked;
}

/**
 * GET /v1/donations/helloasso/checkout/{reference}.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_checkout_state( WP_REST_Request $request ) {
	$limited = lien_rate_limited( 'checkout-lookup', lien_helloasso()['lookups_minute'] );
	if ( $limited ) {
		return $limited;
	}
	$reference = (string) $request['reference'];
	if ( ! preg_match( LIEN_REFERENCE, $reference ) ) {
		return lien_api_error( 400, 'bad_request', 'A checkout is known by the reference its return gave', array( 'reference' => 'a UUID' ) );
	}
	$row = lien_checkout( 'reference', $reference );
	if ( ! $row ) {
		return lien_api_error( 404, 'not_found', 'This gateway created no checkout with this reference' );
	}
	$state = lien_look_up_checkout( $row );
	if ( $state instanceof WP_REST_Response ) {
		return $state;
	}
	return new WP_REST_Response(
		array(
			'reference' => $reference,
			'state'     => $state,
			'amount'    => (int) $row['amount_cents'],
		)
	);
}

/**
 * GET /v1/donations/helloasso/return/{reference}/{way}: HelloAsso's way back. Leaving by `back` is an abandoned
 * checkout, `error` or a code other than `succeeded` a refused one; `code=succeeded` proves nothing, it only takes
 * back an earlier refusal. Then 303 to the donor's page with `lien-checkout`.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_checkout_return( WP_REST_Request $request ) {
	$limited = lien_rate_limited( 'checkout-return', lien_helloasso()['lookups_minute'] );
	if ( $limited ) {
		return $limited;
	}
	$reference = (string) $request['reference'];
	$way       = (string) $request['way'];
	if ( ! preg_match( LIEN_REFERENCE, $reference ) || ! in_array( $way, LIEN_RETURN_WAYS, true ) ) {
		return lien_api_error( 400, 'bad_request', 'Not a return address of this gateway' );
	}
	$row = lien_checkout( 'reference', $reference );
	if ( ! $row ) {
		return lien_api_error( 404, 'not_found', 'This gateway created no checkout with this return address' );
	}
	$code    = $request->get_param( 'code' );
	$outcome = 'back' === $way ? 'abandoned' : ( 'error' === $way || ( is_string( $code ) && 'succeeded' !== $code ) ? 'refused' : null );
	// A confirmation is never undone, even one written since the row was read.
	global $wpdb;
	$table = lien_checkouts_table();
	$unless = "AND (outcome IS NULL OR outcome <> 'confirmed')";
	if ( null === $outcome ) {
		$wpdb->query( $wpdb->prepare( "UPDATE $table SET outcome = NULL WHERE id = %s $unless", $row['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table's name and a fixed condition.
	} else {
		$wpdb->query( $wpdb->prepare( "UPDATE $table SET outcome = %s WHERE id = %s $unless", $outcome, $row['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table's name and a fixed condition.
	}
	$response = new WP_REST_Response( null, 303 );
	$response->header( 'Location', add_query_arg( 'lien-checkout', $reference, $row['page_url'] ) );
	return $response;
}

/**
 * POST /v1/donations/helloasso/notifications: signed with the notification key when there is one, else sent from
 * HelloAsso's address; only a reason to look the checkout up.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function lien_api_helloasso_notification( WP_REST_Request $request ) {
	$limited = lien_rate_limited( 'notifications', 120 );
	if ( $limited ) {
		return $limited;
	}
	$body = $request->get_body();
	$key  = lien_secret( 'helloasso_notification_key' );
	if ( '' !== $key ) {
		$given = (string) $request->get_header( 'x_ha_signature' );
		$from  = (bool) preg_match( '/^[0-9a-fA-F]{64}$/', $given ) && hash_equals( hash_hmac( 'sha256', $body, $key ), strtolower( $given ) );
	} else {
		// HelloAsso's documented addresses: its sandbox's for a site on the sandbox.
		$sources = false !== strpos( lien_helloasso()['api_url'], 'sandbox' ) ? array( '4.233.135.234' ) : LIEN_NOTIFY_SOURCES;
		$from    = in_array( isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '', $sources, true );
	}
	if ( ! $from ) {
		return lien_api_error( 401, 'unauthenticated', 'This notification is not signed by HelloAsso nor sent from its address' );
	}
	$n = json_decode( $body, true );
	if ( null === $n ) {
		return lien_api_error( 400, 'bad_request', 'The body is not JSON' );
	}
	$data  = is_array( $n ) && isset( $n['data'] ) && is_array( $n['data'] ) ? $n['data'] : null;
	$event = $n['eventType'] ?? null;
	$org   = 'Payment' === $event ? ( $data['order']['organizationSlug'] ?? null ) : ( 'Order' === $event ? ( $data['organizationSlug'] ?? null ) : null );
	if ( ! $data || ! is_string( $org ) ) {
		return new WP_REST_Response( array( 'used' => false ) );
	}
	$reference = isset( $n['metadata']['reference'] ) && is_string( $n['metadata']['reference'] ) && preg_match( LIEN_REFERENCE, $n['metadata']['reference'] ) ? $n['metadata']['reference'] : null;
	$id        = $data['checkoutIntentId'] ?? null;
	$row       = null;
	if ( $reference ) {
		$row = lien_checkout( 'reference', $reference );
	} elseif ( 'Order' === $event && ( is_int( $id ) || is_string( $id ) ) && preg_match( '/^\d{1,20}$/', (string) $id ) ) {
		$row = lien_checkout( 'id', (string) $id );
	}
	if ( ! $row || $row['organization'] !== $org ) {
		return new WP_REST_Response( array( 'used' => false ) );
	}
	// Only a trigger: what HelloAsso's own lookup then says is what counts.
	$looked = lien_look_up_checkout( $row );
	return $looked instanceof WP_REST_Response ? $looked : new WP_REST_Response( array( 'used' => true ) );
}
