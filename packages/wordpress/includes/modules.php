<?php
/**
 * Lien's CDN build, shipped in the plugin (assets/cdn), as script modules: core once, each element's module
 * depending on it, and an element's module printed only on the pages that show it. No version is added to the
 * addresses: the elements import the shared chunks by their own addresses, so one query string would load a second
 * copy of Lit.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * The address of a file of the CDN build.
 *
 * @param string $file Its name in assets/cdn.
 * @return string
 */
function lien_cdn_url( $file ) {
	return plugins_url( 'assets/cdn/' . $file, LIEN_PLUGIN_FILE );
}

add_action(
	'init',
	static function () {
		wp_register_script_module( '@lien/core', lien_cdn_url( 'core.js' ), array(), null );
		$locale = lien_setting( 'locale' );
		$core   = array( '@lien/core' );
		if ( '' !== $locale ) {
			// The elements follow <html lang>; a site that wants them in another language says so here.
			wp_register_script_module( '@lien/locale', plugins_url( 'assets/set-locale.js', LIEN_PLUGIN_FILE ) . '?locale=' . rawurlencode( $locale ), $core, null );
			$core[] = '@lien/locale';
		}
		foreach ( array_keys( lien_elements() ) as $tag ) {
			wp_register_script_module( '@lien/' . $tag, lien_cdn_url( $tag . '.js' ), $core, null );
		}
	}
);

/**
 * Prints the element's module on this page (once, whatever the number of its tags).
 *
 * @param string $tag The element.
 */
function lien_enqueue_element( $tag ) {
	wp_enqueue_script_module( '@lien/' . $tag );
	if ( '' !== lien_setting( 'locale' ) ) {
		wp_enqueue_script_module( '@lien/locale' );
	}
}
