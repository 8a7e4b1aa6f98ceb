<?php
/**
 * Shortcodes, for classic editors and page builders: [lien_access_map source="acceslibre" center="…"],
 * [lien_donate_button …], [lien_volunteer_signup …], [lien_sign_entry word="…"]. Attribute names are the elements'
 * (heading-level, or heading_level); a bare name (`loop`) turns a boolean attribute on; anything else is dropped.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * A shortcode's attributes as the element's: names with `_` written with `-`, bare names as `true`.
 *
 * @param array|string $atts What WordPress parsed.
 * @return array
 */
function lien_shortcode_attributes( $atts ) {
	$attributes = array();
	foreach ( is_array( $atts ) ? $atts : array() as $name => $value ) {
		if ( is_int( $name ) ) {
			$attributes[ strtolower( str_replace( '_', '-', (string) $value ) ) ] = true;
		} else {
			$attributes[ strtolower( str_replace( '_', '-', $name ) ) ] = $value;
		}
	}
	return $attributes;
}

add_action(
	'init',
	static function () {
		foreach ( LIEN_SHORTCODES as $tag => $shortcode ) {
			add_shortcode( $shortcode, static fn( $atts ) => lien_render_element( $tag, lien_shortcode_attributes( $atts ) ) );
		}
	}
);
