<?php
/**
 * The Signups screen (for administrators): the list, one signup with its consents, the CSV export, and erasure on
 * request — a volunteer's rights of access and erasure. Every action checks the capability and its nonce.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

const LIEN_SIGNUPS_PER_PAGE = 50;

add_action(
	'admin_menu',
	static function () {
		add_menu_page( __( 'Volunteer signups', 'lien' ), __( 'Signups', 'lien' ), 'manage_options', 'lien-signups', 'lien_render_signups_screen', 'dashicons-groups', 26 );
	}
);

/**
 * The screen: one signup when `signup` is given, else the list.
 */
function lien_render_signups_screen() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to see the signups.', 'lien' ), 403 );
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- reading, not changing.
	$id = isset( $_GET['signup'] ) ? sanitize_text_field( wp_unslash( $_GET['signup'] ) ) : '';
	echo '<div class="wrap">';
	if ( isset( $_GET['deleted'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		echo '<div class="notice notice-success"><p>' . esc_html__( 'The signup was deleted.', 'lien' ) . '</p></div>';
	}
	if ( '' !== $id ) {
		lien_render_signup( $id );
	} else {
		lien_render_signups_list();
	}
	echo '</div>';
}

/**
 * The list, newest first, a page at a time.
 */
function lien_render_signups_list() {
	$total = lien_signups_count();
	$page  = isset( $_GET['paged'] ) ? max( 1, (int) $_GET['paged'] ) : 1; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	echo '<h1 class="wp-heading-inline">' . esc_html__( 'Volunteer signups', 'lien' ) . '</h1> ';
	$export = wp_nonce_url( admin_url( 'admin-post.php?action=lien_signups_csv' ), 'lien_signups_csv' );
	echo '<a class="page-title-action" href="' . esc_url( $export ) . '">' . esc_html__( 'Export as CSV', 'lien' ) . '</a>';
	/* translators: %d: how many signups. */
	echo '<p>' . esc_html( sprintf( _n( '%d signup.', '%d signups.', $total, 'lien' ), $total ) ) . '</p>';
	if ( ! $total ) {
		return;
	}
	echo '<table class="widefat striped"><thead><tr>';
	foreach ( array( __( 'Date', 'lien' ), __( 'Name', 'lien' ), __( 'E-mail', 'lien' ), __( 'Mission', 'lien' ) ) as $heading ) {
		echo '<th scope="col">' . esc_html( $heading ) . '</th>';
	}
	echo '</tr></thead><tbody>';
	foreach ( lien_signups( LIEN_SIGNUPS_PER_PAGE, ( $page - 1 ) * LIEN_SIGNUPS_PER_PAGE ) as $signup ) {
		$link = admin_url( 'admin.php?page=lien-signups&signup=' . rawurlencode( $signup['id'] ) );
		echo '<tr><td>' . esc_html( $signup['created_at'] ) . '</td>';
		echo '<td><a href="' . esc_url( $link ) . '">' . esc_html( $signup['name'] ) . '</a></td>';
		echo '<td>' . esc_html( $signup['email'] ) . '</td><td>' . esc_html( (string) $signup['mission_id'] ) . '</td></tr>';
	}
	echo '</tbody></table>';
	$pages = (int) ceil( $total / LIEN_SIGNUPS_PER_PAGE );
	if ( $pages > 1 ) {
		echo '<p>' . wp_kses_post( paginate_links( array( 'base' => add_query_arg( 'paged', '%#%' ), 'current' => $page, 'total' => $pages ) ) ) . '</p>';
	}
}

/**
 * One signup: every field, its consents with their wording and time, and the erasure button.
 *
 * @param string $id The signup's id.
 */
function lien_render_signup( $id ) {
	$signup = lien_signup( $id );
	echo '<p><a href="' . esc_url( admin_url( 'admin.php?page=lien-signups' ) ) . '">' . esc_html__( '← All signups', 'lien' ) . '</a></p>';
	if ( ! $signup ) {
		echo '<h1>' . esc_html__( 'No such signup', 'lien' ) . '</h1>';
		return;
	}
	echo '<h1>' . esc_html( $signup['name'] ) . '</h1><table class="form-table" role="presentation">';
	$rows = array(
		__( 'Date', 'lien' )         => $signup['created_at'],
		__( 'E-mail', 'lien' )       => $signup['email'],
		__( 'Phone', 'lien' )        => $signup['phone'],
		__( 'Mission', 'lien' )      => $signup['mission_id'],
		__( 'Availability', 'lien' ) => $signup['availability'],
		__( 'Skills', 'lien' )       => implode( ', ', $signup['skills'] ),
		__( 'Message', 'lien' )      => $signup['message'],
	);
	foreach ( $rows as $label => $value ) {
		echo '<tr><th scope="row">' . esc_html( $label ) . '</th><td>' . nl2br( esc_html( (string) $value ) ) . '</td></tr>';
	}
	echo '</table><h2>' . esc_html__( 'Consents', 'lien' ) . '</h2><ul class="lien-consents">';
	foreach ( $signup['consents'] as $consent ) {
		/* translators: 1: what the consent is for, 2: when it was given. */
		echo '<li><strong>' . esc_html( sprintf( __( '%1$s, given %2$s:', 'lien' ), $consent['purpose'], $consent['givenAt'] ) ) . '</strong> ' . esc_html( $consent['wording'] ) . '</li>';
	}
	echo '</ul><form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
	echo '<input type="hidden" name="action" value="lien_delete_signup"><input type="hidden" name="signup" value="' . esc_attr( $signup['id'] ) . '">';
	wp_nonce_field( 'lien_delete_signup_' . $signup['id'] );
	submit_button( __( 'Delete this signup (the person asked for it to be erased)', 'lien' ), 'delete' );
	echo '</form>';
}

add_action(
	'admin_post_lien_delete_signup',
	static function () {
		$id = isset( $_POST['signup'] ) ? sanitize_text_field( wp_unslash( $_POST['signup'] ) ) : '';
		check_admin_referer( 'lien_delete_signup_' . $id );
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to delete signups.', 'lien' ), 403 );
		}
		lien_delete_signup( $id );
		wp_safe_redirect( admin_url( 'admin.php?page=lien-signups&deleted=1' ) );
		exit;
	}
);

add_action(
	'admin_post_lien_signups_csv',
	static function () {
		check_admin_referer( 'lien_signups_csv' );
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to export the signups.', 'lien' ), 403 );
		}
		header( 'Content-Type: text/csv; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="signups.csv"' );
		header( 'Cache-Control: no-store' );
		echo lien_signups_csv(); // phpcs:ignore WordPress.Security.EscapeOutput -- a CSV file, its cells quoted for spreadsheets.
		exit;
	}
);
