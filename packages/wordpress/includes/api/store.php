<?php
/**
 * The plugin's own tables — the signups ({prefix}lien_signups) and, since version 2, the HelloAsso checkouts it
 * created ({prefix}lien_donation_checkouts) — created on activation, versioned in the option `lien_db_version`, and
 * upgraded in place by dbDelta when the plugin brings a newer version. Every query is prepared.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/** The table's version: raise it with each change of the schema below. */
const LIEN_DB_VERSION = '2';

/**
 * The table's name.
 *
 * @return string
 */
function lien_signups_table() {
	global $wpdb;
	return $wpdb->prefix . 'lien_signups';
}

/**
 * The checkouts' table's name.
 *
 * @return string
 */
function lien_checkouts_table() {
	global $wpdb;
	return $wpdb->prefix . 'lien_donation_checkouts';
}

/**
 * Creates the tables, or brings them to this version (dbDelta adds what is missing and keeps the rows).
 */
function lien_install_database() {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$table   = lien_signups_table();
	$charset = $wpdb->get_charset_collate();
	dbDelta(
		"CREATE TABLE $table (
  id char(36) NOT NULL,
  idempotency_key varchar(200) DEFAULT NULL,
  request_hash char(64) NOT NULL,
  created_at varchar(24) NOT NULL,
  mission_id varchar(200) DEFAULT NULL,
  name varchar(200) NOT NULL,
  email varchar(254) NOT NULL,
  phone varchar(50) DEFAULT NULL,
  availability text,
  skills longtext NOT NULL,
  message text,
  consents longtext NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY idempotency_key (idempotency_key),
  KEY created_at (created_at)
) $charset;"
	);
	$checkouts = lien_checkouts_table();
	dbDelta(
		"CREATE TABLE $checkouts (
  id varchar(40) NOT NULL,
  organization varchar(100) NOT NULL,
  amount_cents int(11) NOT NULL,
  reference char(36) NOT NULL,
  page_url text NOT NULL,
  outcome varchar(20) DEFAULT NULL,
  created_at varchar(24) NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY reference (reference)
) $charset;"
	);
	update_option( 'lien_db_version', LIEN_DB_VERSION, false );
}

register_activation_hook( LIEN_PLUGIN_FILE, 'lien_install_database' );

add_action(
	'plugins_loaded',
	static function () {
		if ( get_option( 'lien_db_version' ) !== LIEN_DB_VERSION ) {
			lien_install_database();
		}
	}
);

/**
 * The same request, whatever the order of its JSON keys; the consent times the server filled in are left out.
 *
 * @param array $input The signup.
 * @return string
 */
function lien_signup_request_hash( $input ) {
	$rest = $input;
	unset( $rest['consents'] );
	ksort( $rest );
	$rest['consents'] = array_map( static fn( $c ) => array( $c['purpose'], $c['wording'] ), $input['consents'] );
	return hash( 'sha256', (string) wp_json_encode( $rest ) );
}

/**
 * Stores a signup once per Idempotency-Key: a retry gets the first answer back; the same key with another body is
 * refused. Answers the stored row's id, mission and time, and whether it was a replay; or an error answer.
 *
 * @param array       $input The checked signup.
 * @param string|null $key   The Idempotency-Key.
 * @return array|WP_REST_Response
 */
function lien_store_signup( $input, $key ) {
	global $wpdb;
	$table = lien_signups_table();
	$hash  = lien_signup_request_hash( $input );
	$row   = array(
		'id'              => wp_generate_uuid4(),
		// Kept as its SHA-256: a key is compared byte for byte, whatever the database's collation does with case.
		'idempotency_key' => null === $key ? null : hash( 'sha256', $key ),
		'request_hash'    => $hash,
		'created_at'      => lien_iso_time( microtime( true ) * 1000 ),
		'mission_id'      => $input['missionId'],
		'name'            => $input['name'],
		'email'           => $input['email'],
		'phone'           => $input['phone'],
		'availability'    => $input['availability'],
		'skills'          => wp_json_encode( $input['skills'] ),
		'message'         => $input['message'],
		'consents'        => wp_json_encode( $input['consents'] ),
	);
	$suppress = $wpdb->suppress_errors( true );
	// The unique key settles two requests racing with the same Idempotency-Key: one row, whoever comes first.
	$inserted = $wpdb->insert( $table, $row );
	$wpdb->suppress_errors( $suppress );
	if ( $inserted ) {
		return array(
			'id'        => $row['id'],
			'missionId' => $row['mission_id'],
			'createdAt' => $row['created_at'],
			'replayed'  => false,
		);
	}
	$stored = null === $key ? null : $wpdb->get_row( $wpdb->prepare( "SELECT id, mission_id, created_at, request_hash FROM $table WHERE idempotency_key = %s", hash( 'sha256', $key ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table's name.
	if ( ! $stored ) {
		return lien_api_error( 409, 'conflict', 'The signup could not be stored; please retry' );
	}
	if ( $stored['request_hash'] !== $hash ) {
		return lien_api_error( 422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different signup' );
	}
	return array(
		'id'        => $stored['id'],
		'missionId' => $stored['mission_id'],
		'createdAt' => $stored['created_at'],
		'replayed'  => true,
	);
}

/**
 * Signups, oldest first (the export), or one page of the newest first (the admin screen).
 *
 * @param int $limit  At most this many (0: all).
 * @param int $offset From this one.
 * @return array[]
 */
function lien_signups( $limit = 0, $offset = 0 ) {
	global $wpdb;
	$table = lien_signups_table();
	$rows  = $limit > 0
		? $wpdb->get_results( $wpdb->prepare( "SELECT * FROM $table ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d", $limit, $offset ), ARRAY_A ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		: $wpdb->get_results( "SELECT * FROM $table ORDER BY created_at, id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	return array_map( 'lien_decode_signup', is_array( $rows ) ? $rows : array() );
}

/**
 * One signup, or null.
 *
 * @param string $id Its id.
 * @return array|null
 */
function lien_signup( $id ) {
	global $wpdb;
	$table = lien_signups_table();
	$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM $table WHERE id = %s", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	return $row ? lien_decode_signup( $row ) : null;
}

/**
 * How many signups are stored.
 *
 * @return int
 */
function lien_signups_count() {
	global $wpdb;
	$table = lien_signups_table();
	return (int) $wpdb->get_var( "SELECT COUNT(*) FROM $table" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}

/**
 * Erases one signup (a person's right to erasure).
 *
 * @param string $id Its id.
 * @return bool Whether one was erased.
 */
function lien_delete_signup( $id ) {
	global $wpdb;
	return (bool) $wpdb->delete( lien_signups_table(), array( 'id' => $id ), array( '%s' ) );
}

/**
 * A row with its lists decoded.
 *
 * @param array $row The row.
 * @return array
 */
function lien_decode_signup( $row ) {
	$row['skills']   = json_decode( (string) $row['skills'], true ) ?: array();
	$row['consents'] = json_decode( (string) $row['consents'], true ) ?: array();
	return $row;
}
