<?php
/**
 * The association hears of each new signup: a mail through wp_mail (to the address the settings give, or the
 * site's), and, when the settings give one, a webhook POST with the gateway's JSON (`signup.created`), signed
 * with HMAC-SHA256 when a secret is set. Nothing about the person is written to any log.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * Tells the association of a stored signup.
 *
 * @param string $id The signup's id.
 */
function lien_notify_signup( $id ) {
	$signup = lien_signup( $id );
	if ( ! $signup ) {
		return;
	}
	$to = lien_setting( 'signup_email' );
	$to = '' !== $to ? $to : (string) get_option( 'admin_email' );
	if ( is_email( $to ) ) {
		$lines = array(
			__( 'A volunteer has signed up.', 'lien' ),
			'',
			__( 'Name', 'lien' ) . ': ' . $signup['name'],
			__( 'E-mail', 'lien' ) . ': ' . $signup['email'],
		);
		foreach ( array( 'phone' => __( 'Phone', 'lien' ), 'mission_id' => __( 'Mission', 'lien' ), 'availability' => __( 'Availability', 'lien' ), 'message' => __( 'Message', 'lien' ) ) as $field => $label ) {
			if ( null !== $signup[ $field ] && '' !== $signup[ $field ] ) {
				$lines[] = $label . ': ' . $signup[ $field ];
			}
		}
		if ( $signup['skills'] ) {
			$lines[] = __( 'Skills', 'lien' ) . ': ' . implode( ', ', $signup['skills'] );
		}
		$lines[] = '';
		$lines[] = __( 'Consents given:', 'lien' );
		foreach ( $signup['consents'] as $consent ) {
			$lines[] = '- ' . $consent['wording'] . ' (' . $consent['givenAt'] . ')';
		}
		$lines[] = '';
		$lines[] = admin_url( 'admin.php?page=lien-signups&signup=' . rawurlencode( $signup['id'] ) );
		/* translators: %s: the volunteer's name. */
		wp_mail( $to, sprintf( __( 'New volunteer signup: %s', 'lien' ), $signup['name'] ), implode( "\n", $lines ), array( 'Reply-To: ' . $signup['email'] ) );
	}
	$webhook = lien_setting( 'signup_webhook_url' );
	if ( '' !== $webhook ) {
		$body    = (string) wp_json_encode(
			array(
				'type'   => 'signup.created',
				'signup' => array(
					'id'           => $signup['id'],
					'createdAt'    => $signup['created_at'],
					'missionId'    => $signup['mission_id'],
					'missionTitle' => null,
					'name'         => $signup['name'],
					'email'        => $signup['email'],
					'phone'        => $signup['phone'],
					'availability' => $signup['availability'],
					'skills'       => $signup['skills'],
					'message'      => $signup['message'],
					'consents'     => $signup['consents'],
				),
			)
		);
		$headers = array( 'content-type' => 'application/json' );
		$secret  = lien_secret( 'signup_webhook_secret' );
		if ( '' !== $secret ) {
			$headers['x-lien-signature'] = 'sha256=' . hash_hmac( 'sha256', $body, $secret );
		}
		// Sent before the answer, for at most 5 s: a request WordPress does not wait for may never leave.
		wp_safe_remote_post(
			$webhook,
			array(
				'body'    => $body,
				'headers' => $headers,
				'timeout' => 5,
			)
		);
	}
}
