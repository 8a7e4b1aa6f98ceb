<?php
/**
 * The elements the plugin places, and each one's attributes: read from the blocks' block.json, which the build
 * writes from the elements' own manifest (custom-elements.json), so that the list exists once.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * The shortcode of each element's tag.
 */
const LIEN_SHORTCODES = array(
	'access-map'            => 'lien_access_map',
	'donate-button'         => 'lien_donate_button',
	'volunteer-signup'      => 'lien_volunteer_signup',
	'sign-dictionary-entry' => 'lien_sign_entry',
);

/**
 * Every element: tag => array( 'dir' => its block's folder, 'attributes' => name => 'string' | 'number' | 'boolean' ).
 *
 * @return array<string, array{dir: string, attributes: array<string, string>}>
 */
function lien_elements() {
	static $elements = null;
	if ( null !== $elements ) {
		return $elements;
	}
	$elements = array();
	foreach ( array_keys( LIEN_SHORTCODES ) as $tag ) {
		$dir  = LIEN_PLUGIN_DIR . '/blocks/' . $tag;
		$json = is_readable( $dir . '/block.json' ) ? json_decode( (string) file_get_contents( $dir . '/block.json' ), true ) : null;
		if ( ! is_array( $json ) || ! isset( $json['attributes'] ) ) {
			continue;
		}
		$attributes = array();
		foreach ( $json['attributes'] as $name => $schema ) {
			$attributes[ $name ] = isset( $schema['type'] ) ? $schema['type'] : 'string';
		}
		$elements[ $tag ] = array(
			'dir'        => $dir,
			'attributes' => $attributes,
		);
	}
	return $elements;
}
