<?php
/**
 * Deleting the plugin: the signups and the settings are removed only when the administrator ticked "Delete the
 * signups too" on the settings page; otherwise they stay, for the plugin to find again.
 *
 * @package Lien
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// HelloAsso's token is a credential: it never outlives the plugin.
delete_option( 'lien_helloasso_token' );
$lien_settings = get_option( 'lien_settings', array() );
if ( is_array( $lien_settings ) && isset( $lien_settings['delete_data_on_uninstall'] ) && '1' === $lien_settings['delete_data_on_uninstall'] ) {
	global $wpdb;
	$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . 'lien_signups' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table's name.
	$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . 'lien_donation_checkouts' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table's name.
	delete_option( 'lien_settings' );
	delete_option( 'lien_db_version' );
}
