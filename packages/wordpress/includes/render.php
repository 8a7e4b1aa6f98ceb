<?php
/**
 * One element's tag, printed from a block's or a shortcode's attributes: only the element's own attributes are
 * kept, every value escaped, and the element's module enqueued for this page only.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * The attributes an element gets from the plugin's settings when the author gave none: the external gateway's
 * address, or else this site's own routes.
 *
 * @param string $tag        The element.
 * @param array  $attributes Its attributes as given.
 * @return array The defaults to add.
 */
function lien_default_attributes( $tag, $attributes ) {
	$gateway = lien_setting( 'gateway_url' );
	if ( '' === $gateway ) {
		// No external gateway: this site serves the routes it can (includes/api).
		return 'volunteer-signup' === $tag ? array( 'submit' => rest_url( LIEN_API_NAMESPACE . '/signups' ) ) : array();
	}
	$source = isset( $attributes['source'] ) ? $attributes['source'] : '';
	switch ( $tag ) {
		case 'access-map':
			return 'lien' === $source ? array( 'src' => $gateway ) : array();
		case 'sign-dictionary-entry':
			return ( '' === $source || 'lien' === $source ) ? array( 'src' => $gateway ) : array();
		case 'volunteer-signup':
			return 'lien' === $source ? array( 'src' => $gateway, 'submit' => $gateway . '/signups' ) : array( 'submit' => $gateway . '/signups' );
		case 'donate-button':
			return array( 'gateway' => $gateway );
	}
	return array();
}

/**
 * A value as the element reads it, or null when it must be left out: a boolean attribute is present or absent, a
 * number is a number.
 *
 * @param mixed  $value The value given.
 * @param string $type  'string', 'number' or 'boolean'.
 * @return string|true|null
 */
function lien_attribute_value( $value, $type ) {
	if ( 'boolean' === $type ) {
		if ( is_bool( $value ) ) {
			return $value ? true : null;
		}
		$value = strtolower( trim( (string) $value ) );
		return in_array( $value, array( '', '1', 'true', 'yes', 'on' ), true ) ? true : null;
	}
	if ( is_array( $value ) || is_object( $value ) || null === $value ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( '' === $value || ( 'number' === $type && ! is_numeric( $value ) ) ) {
		return null;
	}
	return $value;
}

/**
 * The element's tag with its attributes, escaped; unknown attributes are dropped.
 *
 * @param string $tag        The element.
 * @param array  $attributes Name => value, from a block or a shortcode.
 * @param string $class      A class for the element (the block's).
 * @return string
 */
function lien_render_element( $tag, $attributes, $class = '' ) {
	$elements = lien_elements();
	if ( ! isset( $elements[ $tag ] ) ) {
		return '';
	}
	$known      = $elements[ $tag ]['attributes'];
	$attributes = array_merge( lien_default_attributes( $tag, $attributes ), array_filter( $attributes, static fn( $v ) => '' !== $v && null !== $v ) );
	$html       = '<' . $tag;
	if ( '' !== $class ) {
		$html .= ' class="' . esc_attr( $class ) . '"';
	}
	foreach ( $attributes as $name => $value ) {
		if ( ! isset( $known[ $name ] ) ) {
			continue;
		}
		$value = lien_attribute_value( $value, $known[ $name ] );
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( null !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	lien_enqueue_element( $tag );
	return $html . '></' . $tag . '>';
}
