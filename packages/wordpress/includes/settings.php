<?php
/**
 * The settings page (Settings → Lien): the association's theme (primary colour, font, radius), the elements'
 * language, and the address of an external Lien gateway. WordPress's Settings API checks the capability and the
 * nonce of every save; each value is validated here, and escaped where it is printed.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

const LIEN_OPTION = 'lien_settings';

/**
 * The settings and their defaults.
 *
 * @return array<string, string>
 */
function lien_default_settings() {
	return array(
		'primary_color' => '',
		'font_family'   => '',
		'radius'        => '',
		'locale'        => '',
		'gateway_url'   => '',
		'signup_email'  => '',
		'signup_webhook_url'       => '',
		'signup_webhook_secret'    => '',
		'delete_data_on_uninstall' => '',
		'acceslibre_api_key'       => '',
		'api_engagement_api_key'   => '',
		'helloasso_client_id'      => '',
		'helloasso_client_secret'  => '',
		'helloasso_organization'   => '',
		'helloasso_notification_key' => '',
	);
}

/** The settings that are secrets: saved, never printed again (a blank field keeps the saved one). */
const LIEN_SECRET_SETTINGS = array( 'signup_webhook_secret', 'acceslibre_api_key', 'api_engagement_api_key', 'helloasso_client_secret', 'helloasso_notification_key' );

/**
 * A secret setting, for the server's own use only.
 *
 * @param string $name Its name.
 * @return string
 */
function lien_secret( $name ) {
	return in_array( $name, LIEN_SECRET_SETTINGS, true ) ? lien_setting( $name ) : '';
}

/**
 * One setting, validated when saved.
 *
 * @param string $name Its name.
 * @return string
 */
function lien_setting( $name ) {
	$settings = get_option( LIEN_OPTION, array() );
	$settings = is_array( $settings ) ? $settings : array();
	return isset( $settings[ $name ] ) && is_string( $settings[ $name ] ) ? $settings[ $name ] : '';
}

/**
 * What a save keeps: a #rrggbb colour, a font list of names only, a CSS length, a known locale, an http(s) address.
 *
 * @param mixed $input The submitted values.
 * @return array<string, string>
 */
function lien_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	$clean = lien_default_settings();
	// options.php has unslashed the form already (and on a first save WordPress runs this twice): never again here.
	$value = static fn( $name ) => isset( $input[ $name ] ) && is_string( $input[ $name ] ) ? trim( $input[ $name ] ) : '';

	$clean['primary_color'] = (string) sanitize_hex_color( $value( 'primary_color' ) );
	$font                   = $value( 'font_family' );
	// Font names, and quotes only in pairs: an unbalanced one would break the theme's rule.
	$balanced               = 0 === substr_count( $font, '"' ) % 2 && 0 === substr_count( $font, "'" ) % 2;
	$clean['font_family']   = $balanced && preg_match( '/^[\p{L}\p{N} ,\'"-]{1,200}$/uD', $font ) ? $font : '';
	$radius                 = $value( 'radius' );
	$clean['radius']        = preg_match( '/^\d{1,3}(\.\d{1,3})?(px|rem|em|%)$/D', $radius ) ? $radius : '';
	$clean['locale']        = in_array( $value( 'locale' ), array( 'fr', 'en' ), true ) ? $value( 'locale' ) : '';
	$url                    = esc_url_raw( $value( 'gateway_url' ), array( 'http', 'https' ) );
	$clean['gateway_url']   = untrailingslashit( $url );
	$clean['signup_email']  = (string) sanitize_email( $value( 'signup_email' ) );
	$clean['signup_webhook_url'] = esc_url_raw( $value( 'signup_webhook_url' ), array( 'https', 'http' ) );
	$clean['delete_data_on_uninstall'] = '1' === $value( 'delete_data_on_uninstall' ) ? '1' : '';
	$clean['helloasso_client_id']      = preg_match( '/^[A-Za-z0-9_-]{1,100}$/D', $value( 'helloasso_client_id' ) ) ? $value( 'helloasso_client_id' ) : '';
	$clean['helloasso_organization']   = preg_match( '/^[a-z0-9][a-z0-9-]{0,99}$/D', $value( 'helloasso_organization' ) ) ? $value( 'helloasso_organization' ) : '';
	// Another HelloAsso account: the token kept for the old one must not be used.
	if ( $clean['helloasso_client_id'] !== lien_setting( 'helloasso_client_id' ) ) {
		delete_option( 'lien_helloasso_token' );
	}
	foreach ( LIEN_SECRET_SETTINGS as $name ) {
		// Write-only: a blank field keeps what was saved; "-" removes it.
		$given          = $value( $name );
		$clean[ $name ] = '' === $given ? lien_setting( $name ) : ( '-' === $given ? '' : $given );
	}
	foreach ( array( 'font_family', 'radius' ) as $name ) {
		if ( '' !== $value( $name ) && '' === $clean[ $name ] ) {
			/* translators: %s: the setting's label. */
			add_settings_error( LIEN_OPTION, 'lien-' . $name, sprintf( __( '“%s” was not saved: its value is not valid.', 'lien' ), lien_setting_label( $name ) ) );
		}
	}
	return $clean;
}

/**
 * A setting's label, translated.
 *
 * @param string $name The setting.
 * @return string
 */
function lien_setting_label( $name ) {
	$labels = array(
		'primary_color' => __( 'Primary colour', 'lien' ),
		'font_family'   => __( 'Font', 'lien' ),
		'radius'        => __( 'Corner radius', 'lien' ),
		'locale'        => __( 'Language of the elements', 'lien' ),
		'gateway_url'   => __( 'Lien gateway address', 'lien' ),
		'signup_email'  => __( 'Signups are mailed to', 'lien' ),
		'signup_webhook_url'       => __( 'Signups are also sent to (webhook)', 'lien' ),
		'signup_webhook_secret'    => __( 'Webhook secret', 'lien' ),
		'delete_data_on_uninstall' => __( 'When the plugin is deleted', 'lien' ),
		'acceslibre_api_key'       => __( 'Acceslibre API key', 'lien' ),
		'api_engagement_api_key'   => __( 'API Engagement key', 'lien' ),
		'helloasso_organization'   => __( 'HelloAsso association (slug)', 'lien' ),
		'helloasso_client_id'      => __( 'HelloAsso client id', 'lien' ),
		'helloasso_client_secret'  => __( 'HelloAsso client secret', 'lien' ),
		'helloasso_notification_key' => __( 'HelloAsso notification key', 'lien' ),
	);
	return isset( $labels[ $name ] ) ? $labels[ $name ] : $name;
}

add_action(
	'admin_init',
	static function () {
		register_setting(
			'lien',
			LIEN_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'lien_sanitize_settings',
				'default'           => lien_default_settings(),
			)
		);
		add_settings_section( 'lien_theme', __( 'Theme', 'lien' ), static fn() => print( '<p>' . esc_html__( 'The association’s look, given to every Lien element on the site.', 'lien' ) . '</p>' ), 'lien' );
		add_settings_section( 'lien_data', __( 'Language and data', 'lien' ), '__return_null', 'lien' );
		add_settings_section( 'lien_signups', __( 'Volunteer signups', 'lien' ), '__return_null', 'lien' );
		add_settings_section( 'lien_keys', __( 'Keys of the open-data services', 'lien' ), static fn() => print( '<p>' . esc_html__( 'Kept on this server: the elements reach these services through the site, and no visitor ever sees a key.', 'lien' ) . '</p>' ), 'lien' );
		$fields = array(
			'primary_color' => array( 'lien_theme', 'color', __( 'Buttons, links and markers.', 'lien' ) ),
			'font_family'   => array( 'lien_theme', 'text', __( 'Font names, as in CSS: "Open Sans", sans-serif. Empty: the site’s font.', 'lien' ) ),
			'radius'        => array( 'lien_theme', 'text', __( 'For example 0.5rem or 4px.', 'lien' ) ),
			'locale'        => array( 'lien_data', 'locale', __( 'By default the elements speak the page’s language (French or English).', 'lien' ) ),
			'gateway_url'   => array( 'lien_data', 'url', __( 'The …/v1 address of a Lien gateway, used by the elements unless a block or shortcode gives another. Empty: this site serves the signups itself.', 'lien' ) ),
			'signup_email'  => array( 'lien_signups', 'email', __( 'Empty: the site’s administration address.', 'lien' ) ),
			'signup_webhook_url'       => array( 'lien_signups', 'url', __( 'Each signup is POSTed there as JSON (type "signup.created").', 'lien' ) ),
			'signup_webhook_secret'    => array( 'lien_signups', 'secret', __( 'Signs each webhook call (x-lien-signature: sha256=…). Once saved it is never shown again; type a new one to replace it, or "-" to remove it.', 'lien' ) ),
			'acceslibre_api_key'       => array( 'lien_keys', 'secret', __( 'For the accessibility map\'s Acceslibre source. Once saved it is never shown again; type a new one to replace it, or "-" to remove it.', 'lien' ) ),
			'api_engagement_api_key'   => array( 'lien_keys', 'secret', __( 'For the volunteering missions of API Engagement. Once saved it is never shown again; type a new one to replace it, or "-" to remove it.', 'lien' ) ),
			'helloasso_organization'   => array( 'lien_keys', 'text', __( 'The association\'s name in its HelloAsso addresses (helloasso.com/associations/…): the donate button\'s checkouts are for it only.', 'lien' ) ),
			'helloasso_client_id'      => array( 'lien_keys', 'text', __( 'From HelloAsso\'s back office, "API" section.', 'lien' ) ),
			'helloasso_client_secret'  => array( 'lien_keys', 'secret', __( 'Once saved it is never shown again; type a new one to replace it, or "-" to remove it.', 'lien' ) ),
			'helloasso_notification_key' => array( 'lien_keys', 'secret', __( 'The key HelloAsso signs its notifications with (x-ha-signature), for this site\'s notification address …/wp-json/lien/v1/donations/helloasso/notifications. Without it, only notifications from HelloAsso\'s address are taken.', 'lien' ) ),
			'delete_data_on_uninstall' => array( 'lien_signups', 'checkbox', __( 'Also delete every signup and the settings. Without this box ticked, deleting the plugin keeps them.', 'lien' ) ),
		);
		foreach ( $fields as $name => list( $section, $kind, $help ) ) {
			add_settings_field(
				'lien-' . $name,
				lien_setting_label( $name ),
				'lien_render_setting_field',
				'lien',
				$section,
				array(
					'label_for' => 'lien-' . $name,
					'name'      => $name,
					'kind'      => $kind,
					'help'      => $help,
				)
			);
		}
	}
);

/**
 * One field of the settings page.
 *
 * @param array $field The field's name, kind and help.
 */
function lien_render_setting_field( $field ) {
	$id    = 'lien-' . $field['name'];
	$name  = LIEN_OPTION . '[' . $field['name'] . ']';
	$value = lien_setting( $field['name'] );
	if ( 'locale' === $field['kind'] ) {
		echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" aria-describedby="' . esc_attr( $id ) . '-help">';
		foreach ( array( '' => __( 'The page’s language', 'lien' ), 'fr' => __( 'French', 'lien' ), 'en' => __( 'English', 'lien' ) ) as $code => $label ) {
			echo '<option value="' . esc_attr( $code ) . '"' . selected( $value, $code, false ) . '>' . esc_html( $label ) . '</option>';
		}
		echo '</select>';
	} elseif ( 'checkbox' === $field['kind'] ) {
		echo '<input type="checkbox" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="1"' . checked( $value, '1', false ) . ' aria-describedby="' . esc_attr( $id ) . '-help"> ';
		echo '<label for="' . esc_attr( $id ) . '">' . esc_html__( 'Delete the signups too', 'lien' ) . '</label>';
	} elseif ( 'secret' === $field['kind'] ) {
		// Never printed: the field says whether one is saved.
		$placeholder = '' !== $value ? __( 'Saved (hidden)', 'lien' ) : __( 'None', 'lien' );
		echo '<input type="password" autocomplete="new-password" class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="" placeholder="' . esc_attr( $placeholder ) . '" aria-describedby="' . esc_attr( $id ) . '-help">';
	} else {
		$type = in_array( $field['kind'], array( 'color', 'url', 'email' ), true ) ? $field['kind'] : 'text';
		echo '<input type="' . esc_attr( $type ) . '" class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" aria-describedby="' . esc_attr( $id ) . '-help">';
	}
	echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html( $field['help'] ) . '</p>';
}

add_action(
	'admin_menu',
	static function () {
		add_options_page( __( 'Lien', 'lien' ), __( 'Lien', 'lien' ), 'manage_options', 'lien', 'lien_render_settings_page' );
	}
);

/**
 * Settings → Lien.
 */
function lien_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Lien', 'lien' ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'lien' );
	do_settings_sections( 'lien' );
	submit_button();
	echo '</form></div>';
}
