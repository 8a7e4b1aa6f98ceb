<?php
/**
 * The checks of POST /v1/signups, as the Node gateway makes them (packages/gateway/src/signups/validate.ts): every
 * problem at once, field by field, with the same field paths and words, so that a form shows each message next to
 * its field whichever server answers.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

/** The oldest start time a real form sends: a signup kept offline is sent within this (30 days, in ms). */
const LIEN_OLDEST_FORM_MS = 30 * 86400000;

/**
 * Why a text cannot be stored, or null: a NUL character, or invalid UTF-8 (PHP's form of a lone surrogate).
 *
 * @param string $value The text.
 * @return string|null
 */
function lien_unstorable( $value ) {
	if ( false !== strpos( $value, "\0" ) ) {
		return 'contains a NUL character';
	}
	return preg_match( '//u', $value ) ? null : 'contains a lone surrogate (not a character)';
}

/** JavaScript's white space (`\s`, what `trim` removes), as a character class's content for a `/u` pattern. */
const LIEN_JS_SPACE = '\t\n\x{0b}\f\r \x{00a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}';

/**
 * A text without the white space JavaScript's `trim` removes (a no-break space and a BOM among it), as the gateway
 * trims.
 *
 * @param string $value The text.
 * @return string
 */
function lien_js_trim( $value ) {
	$space = '[' . LIEN_JS_SPACE . ']';
	return (string) preg_replace( "/^$space+|$space+\$/uD", '', $value );
}

/**
 * The length of a text in UTF-16 code units, as JavaScript's `length` counts.
 *
 * @param string $value The text.
 * @return int
 */
function lien_js_length( $value ) {
	return (int) ( strlen( (string) mb_convert_encoding( $value, 'UTF-16LE', 'UTF-8' ) ) / 2 );
}

/**
 * Checks a signup body. Throws nothing: answers either the signup to store with the anti-robot fields, or the
 * problems by field.
 *
 * @param mixed $body The decoded JSON body: an array for a JSON object, anything else for anything else.
 * @param int   $now  Milliseconds since the epoch.
 * @return array{input?: array, honeypot?: string, started_at?: float, fields?: array<string, string>}
 */
function lien_validate_signup( $body, $now ) {
	if ( ! is_array( $body ) ) {
		return array( 'fields' => array( '' => 'a JSON object' ) );
	}
	$fields = array();
	$text   = static function ( $name, $required, $max, $pattern = null, $pattern_message = 'invalid' ) use ( $body, &$fields ) {
		$value = array_key_exists( $name, $body ) ? $body[ $name ] : null;
		if ( null === $value || '' === $value ) {
			if ( $required ) {
				$fields[ $name ] = 'required';
			}
			return null;
		}
		if ( ! is_string( $value ) ) {
			$fields[ $name ] = 'must be text';
			return null;
		}
		$problem = lien_unstorable( $value );
		if ( $problem ) {
			$fields[ $name ] = $problem;
			return null;
		}
		$trimmed = lien_js_trim( $value );
		if ( '' === $trimmed && $required ) {
			$fields[ $name ] = 'required';
			return null;
		}
		if ( lien_js_length( $trimmed ) > $max ) {
			$fields[ $name ] = "at most $max characters";
			return null;
		}
		if ( $pattern && ! preg_match( $pattern, $trimmed ) ) {
			$fields[ $name ] = $pattern_message;
			return null;
		}
		return '' === $trimmed ? null : $trimmed;
	};

	$input = array(
		'missionId'    => $text( 'missionId', false, 200 ),
		'name'         => $text( 'name', true, 200 ),
		// JavaScript's \s and \d: the white space lien_js_trim knows, and ASCII digits only.
		'email'        => $text( 'email', true, 254, '/^[^' . LIEN_JS_SPACE . '@<>()[\]\\\\,;:"]+@[^' . LIEN_JS_SPACE . '@<>()[\]\\\\,;:"]+\.[^' . LIEN_JS_SPACE . '@<>()[\]\\\\,;:"]+$/uD', 'not an e-mail address' ),
		'phone'        => $text( 'phone', false, 50, '/^[+0-9][0-9' . LIEN_JS_SPACE . '().-]{3,}$/uD', 'not a phone number' ),
		'message'      => $text( 'message', false, 5000 ),
		'availability' => $text( 'availability', false, 1000 ),
		'skills'       => array(),
		'consents'     => array(),
	);

	if ( array_key_exists( 'skills', $body ) ) {
		$skills = $body['skills'];
		// A JSON list, not an object: PHP decodes both to arrays.
		$valid = is_array( $skills ) && array_values( $skills ) === $skills && count( $skills ) <= 30;
		foreach ( $valid ? $skills : array() as $skill ) {
			$valid = $valid && is_string( $skill ) && lien_js_length( $skill ) <= 100;
		}
		if ( ! $valid ) {
			$fields['skills'] = 'a list of at most 30 texts of at most 100 characters';
		} else {
			foreach ( $skills as $skill ) {
				$problem = lien_unstorable( $skill );
				if ( $problem ) {
					$fields['skills'] = $problem;
					break;
				}
			}
			if ( ! isset( $fields['skills'] ) ) {
				$input['skills'] = array_values( array_filter( array_map( 'lien_js_trim', $skills ), static fn( $s ) => '' !== $s ) );
			}
		}
	}

	// Consent: at least one, each with the wording the person saw and ticked; never assumed.
	$consents = array_key_exists( 'consents', $body ) ? $body['consents'] : null;
	if ( ! is_array( $consents ) || array() === $consents || array_values( $consents ) !== $consents ) {
		$fields['consents'] = 'required: at least one consent';
	} elseif ( count( $consents ) > 10 ) {
		$fields['consents'] = 'at most 10 consents';
	} else {
		foreach ( array_values( $consents ) as $i => $consent ) {
			$consent = is_array( $consent ) ? $consent : array();
			$prefix  = "consents[$i]";
			$purpose = isset( $consent['purpose'] ) ? $consent['purpose'] : null;
			$wording = isset( $consent['wording'] ) ? $consent['wording'] : null;
			if ( ! is_string( $purpose ) || '' === lien_js_trim( $purpose ) || lien_js_length( $purpose ) > 100 ) {
				$fields[ "$prefix.purpose" ] = 'required text (at most 100 characters)';
			}
			if ( ! is_string( $wording ) || '' === lien_js_trim( $wording ) || lien_js_length( $wording ) > 2000 ) {
				$fields[ "$prefix.wording" ] = 'required: the text the person agreed to (at most 2000 characters)';
			}
			foreach ( array( 'purpose' => $purpose, 'wording' => $wording ) as $key => $value ) {
				$problem = is_string( $value ) ? lien_unstorable( $value ) : null;
				if ( $problem ) {
					$fields[ "$prefix.$key" ] = $problem;
				}
			}
			if ( ! isset( $consent['given'] ) || true !== $consent['given'] ) {
				$fields[ "$prefix.given" ] = 'must be true: a consent is never assumed';
			}
			$given_at = $now;
			if ( array_key_exists( 'givenAt', $consent ) ) {
				$time = is_string( $consent['givenAt'] ) ? lien_parse_time( $consent['givenAt'] ) : null;
				if ( null === $time || $time > $now + 5 * 60000 ) {
					$fields[ "$prefix.givenAt" ] = 'an ISO 8601 time, not in the future';
				} else {
					$given_at = $time;
				}
			}
			$input['consents'][] = array(
				'purpose' => lien_js_trim( is_string( $purpose ) ? $purpose : '' ),
				'wording' => lien_js_trim( is_string( $wording ) ? $wording : '' ),
				'givenAt' => lien_iso_time( $given_at ),
			);
		}
	}

	$honeypot = array_key_exists( 'honeypot', $body ) ? $body['honeypot'] : null;
	if ( array_key_exists( 'honeypot', $body ) && ! is_string( $honeypot ) ) {
		$fields['honeypot'] = 'must be text (and empty)';
	} elseif ( is_string( $honeypot ) && lien_unstorable( $honeypot ) ) {
		$fields['honeypot'] = lien_unstorable( $honeypot );
	}
	$started_raw = array_key_exists( 'startedAt', $body ) ? $body['startedAt'] : null;
	$started_at  = is_int( $started_raw ) || is_float( $started_raw ) ? (float) $started_raw : ( is_string( $started_raw ) ? lien_parse_time( $started_raw ) : null );
	if ( null === $started_at || ! is_finite( $started_at ) || $started_at > $now + 5 * 60000 ) {
		$fields['startedAt'] = 'required: when the form was first shown (epoch milliseconds or ISO 8601), not in the future';
	} elseif ( $started_at < $now - LIEN_OLDEST_FORM_MS ) {
		$fields['startedAt'] = 'when the form was first shown: at most ' . ( LIEN_OLDEST_FORM_MS / 86400000 ) . ' days ago';
	}

	if ( $fields ) {
		return array( 'fields' => $fields );
	}
	return array(
		'input'      => $input,
		'honeypot'   => is_string( $honeypot ) ? $honeypot : '',
		'started_at' => $started_at,
	);
}

/**
 * Milliseconds since the epoch of an ISO 8601 time, or null.
 *
 * @param string $value The time.
 * @return float|null
 */
function lien_parse_time( $value ) {
	// ISO 8601 only, as JavaScript's Date.parse reads it: not PHP's "yesterday".
	if ( ! preg_match( '/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/', $value ) ) {
		return null;
	}
	try {
		$date = new DateTimeImmutable( $value, new DateTimeZone( 'UTC' ) );
	} catch ( Exception $e ) {
		return null;
	}
	return (float) $date->format( 'U.v' ) * 1000;
}

/**
 * An ISO 8601 time with milliseconds, in UTC, as JavaScript's `toISOString` writes it.
 *
 * @param float $ms Milliseconds since the epoch.
 * @return string
 */
function lien_iso_time( $ms ) {
	$seconds = (int) floor( $ms / 1000 );
	return gmdate( 'Y-m-d\TH:i:s', $seconds ) . sprintf( '.%03dZ', (int) ( $ms - $seconds * 1000 ) );
}
