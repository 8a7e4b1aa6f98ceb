<?php
/**
 * One element's tag, printed from a block's or a shortcode's attributes: only the element's own attributes are
 * kept, every value escaped, and the element's module enqueued for this page only.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/**
 * The attributes an element gets from the plugin's settings when the author gave none: the routes of the external
 * gateway the settings name, or else this site's own (includes/api) for what the site serves — signups always; the
 * Acceslibre, API Engagement and HelloAsso routes once their keys are saved; Lingua Libre's, which needs none. Places,
 * missions and signs of the `lien` source come only from a gateway.
 *
 * @param string $tag        The element.
 * @param array  $attributes Its attributes as given.
 * @return array The defaults to add.
 */
function lien_default_attributes( $tag, $attributes ) {
	$external = lien_setting( 'gateway_url' );
	$base     = '' !== $external ? $external : untrailingslashit( rest_url( LIEN_API_NAMESPACE ) );
	$served   = static fn( $setting ) => '' !== $external || '' !== lien_setting( $setting );
	$source   = isset( $attributes['source'] ) ? $attributes['source'] : '';
	switch ( $tag ) {
		case 'access-map':
			// Without `source`, the element reads Lien's gateway.
			if ( ( '' === $source || 'lien' === $source ) && '' !== $external ) {
				return array( 'src' => $external );
			}
			return 'acceslibre' === $source && $served( 'acceslibre_api_key' ) ? array( 'src' => "$base/proxy/acceslibre/erps/" ) : array();
		case 'sign-dictionary-entry':
			if ( 'lingualibre' === $source ) {
				return array( 'src' => $base );
			}
			return ( '' === $source || 'lien' === $source ) && '' !== $external ? array( 'src' => $external ) : array();
		case 'volunteer-signup':
			$defaults = array( 'submit' => "$base/signups" );
			if ( ( ( '' === $source || 'lien' === $source ) && '' !== $external ) || ( 'api-engagement' === $source && $served( 'api_engagement_api_key' ) ) ) {
				$defaults['src'] = $base;
			}
			return $defaults;
		case 'donate-button':
			return '' !== $external || ( '' !== lien_setting( 'helloasso_client_id' ) && '' !== lien_secret( 'helloasso_client_secret' ) ) ? array( 'gateway' => $base ) : array();
	}
	return array();
}

/** The attributes that hold an address: only http(s) ones, or relative ones, are printed. */
const LIEN_URL_ATTRIBUTES = array( 'src', 'submit', 'gateway', 'geocoder', 'commons-api', 'sparql-endpoint', 'licence-url', 'goal-src', 'href', 'tile-url' );

/**
 * Whether a value is an address an element may follow: http(s), protocol-relative or relative, and nothing a
 * browser would read as another scheme (`javascript:`, or one split by a tab or a newline, which browsers remove).
 *
 * @param string $value The address.
 * @return bool
 */
function lien_safe_url_attribute( $value ) {
	if ( preg_match( '/[\x00-\x20\x7f\\\\]/', $value ) ) {
		return false;
	}
	return ! preg_match( '/^([a-z][a-z0-9+.-]*):/i', $value, $scheme ) || in_array( strtolower( $scheme[1] ), array( 'http', 'https' ), true );
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
		if ( is_string( $value ) && in_array( $name, LIEN_URL_ATTRIBUTES, true ) && ! lien_safe_url_attribute( $value ) ) {
			continue;
		}
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( null !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	lien_enqueue_element( $tag );
	return $html . '></' . $tag . '>';
}
