<?php
/**
 * The association's theme, printed once in the page's head as Lien's --lien-* tokens, which reach every element
 * through its shadow root. Only values the settings page validated are printed.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * The tokens the settings give.
 *
 * @return array<string, string> token => value
 */
function lien_theme_tokens() {
	$tokens = array(
		'--lien-color-primary' => lien_setting( 'primary_color' ),
		'--lien-font-family'   => lien_setting( 'font_family' ),
		'--lien-radius'        => lien_setting( 'radius' ),
	);
	return array_filter( $tokens, static fn( $value ) => '' !== $value );
}

add_action(
	'wp_head',
	static function () {
		$tokens = lien_theme_tokens();
		if ( ! $tokens ) {
			return;
		}
		$css = '';
		foreach ( $tokens as $token => $value ) {
			// The values were validated on save (a #rrggbb colour, font names, a length); no markup can remain.
			$css .= $token . ':' . wp_strip_all_tags( $value ) . ';';
		}
		echo '<style id="lien-theme">:root{' . $css . '}</style>' . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- validated tokens.
	}
);
