<?php
/**
 * The answers of Lien's REST API in WordPress (/wp-json/lien/v1/…): the Node gateway's shapes. An error is
 * `{"error": {"code", "message", "fields"?}}` with its HTTP status, whoever raised it — a route, a permission
 * callback, or WordPress itself (no such route, a body that is not JSON).
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

const LIEN_API_NAMESPACE = 'lien/v1';

/**
 * An error answer in the gateway's shape.
 *
 * @param int        $status  HTTP status.
 * @param string     $code    Machine code (`invalid_signup`, `rate_limited`…).
 * @param string     $message Plain words.
 * @param array|null $fields  Field path => problem, for a body's fields.
 * @param array      $headers Extra headers (Retry-After).
 * @return WP_REST_Response
 */
function lien_api_error( $status, $code, $message, $fields = null, $headers = array() ) {
	$error = array(
		'code'    => $code,
		'message' => $message,
	);
	if ( $fields ) {
		$error['fields'] = $fields;
	}
	$response = new WP_REST_Response( array( 'error' => $error ), $status );
	foreach ( $headers as $name => $value ) {
		$response->header( $name, (string) $value );
	}
	return $response;
}

/**
 * WordPress's own error codes, as the gateway names the same failures.
 */
const LIEN_WORDPRESS_ERRORS = array(
	'rest_no_route'               => 'not_found',
	'rest_invalid_json'           => 'bad_json',
	'rest_forbidden'              => 'forbidden',
	'rest_not_logged_in'          => 'unauthorized',
	'rest_cookie_invalid_nonce'   => 'forbidden',
	'rest_missing_callback_param' => 'bad_request',
	'rest_invalid_param'          => 'bad_request',
);

add_filter(
	'rest_post_dispatch',
	/**
	 * Every error under /lien/v1 in the gateway's shape.
	 *
	 * @param WP_HTTP_Response $response The answer.
	 * @param WP_REST_Server   $server   The server.
	 * @param WP_REST_Request  $request  The request.
	 */
	static function ( $response, $server, $request ) {
		unset( $server );
		if ( 0 !== strpos( $request->get_route(), '/' . LIEN_API_NAMESPACE ) || $response->get_status() < 400 ) {
			return $response;
		}
		$data = $response->get_data();
		if ( is_array( $data ) && isset( $data['error'] ) ) {
			return $response;
		}
		$wp_code = is_array( $data ) && isset( $data['code'] ) ? (string) $data['code'] : '';
		$status  = $response->get_status();
		$code    = isset( LIEN_WORDPRESS_ERRORS[ $wp_code ] ) ? LIEN_WORDPRESS_ERRORS[ $wp_code ] : ( 401 === $status ? 'unauthorized' : ( 403 === $status ? 'forbidden' : 'bad_request' ) );
		$message = is_array( $data ) && isset( $data['message'] ) ? wp_strip_all_tags( (string) $data['message'] ) : 'The request could not be answered';
		if ( 'not_found' === $code ) {
			$message = sprintf( 'No such resource: %s %s', $request->get_method(), '/v1' . substr( $request->get_route(), strlen( '/' . LIEN_API_NAMESPACE ) ) );
		}
		return lien_api_error( $status, $code, $message, null, $response->get_headers() );
	},
	10,
	3
);

/**
 * The permission of the administrators' routes: 401 for a visitor, 403 for a user who may not manage the site.
 *
 * @return true|WP_Error
 */
function lien_api_administrators_only() {
	if ( current_user_can( 'manage_options' ) ) {
		return true;
	}
	return is_user_logged_in()
		? new WP_Error( 'forbidden', 'Only the site’s administrators may do this', array( 'status' => 403 ) )
		: new WP_Error( 'unauthorized', 'Sign in as an administrator of the site (an application password, or a session and its nonce)', array( 'status' => 401 ) );
}
