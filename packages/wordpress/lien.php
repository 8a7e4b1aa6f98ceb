<?php
/**
 * Plugin Name:       Lien
 * Plugin URI:        https://github.com/lien-social/lien
 * Description:       Lien's elements for associations — accessibility map, donate button, volunteer sign-up, sign-language dictionary entry — placed by block or shortcode, themed to the association.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       lien
 * Domain Path:       /languages
 *
 * WordPress 6.5 or newer is required: the elements are ES modules, printed with WordPress's script modules.
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

define( 'LIEN_PLUGIN_FILE', __FILE__ );
define( 'LIEN_PLUGIN_DIR', __DIR__ );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/modules.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/theme.php';
require_once __DIR__ . '/includes/api/response.php';
require_once __DIR__ . '/includes/api/rate-limit.php';
require_once __DIR__ . '/includes/api/signups-validate.php';
require_once __DIR__ . '/includes/api/store.php';
require_once __DIR__ . '/includes/api/notify.php';
require_once __DIR__ . '/includes/api/signups.php';
require_once __DIR__ . '/includes/api/proxies.php';
require_once __DIR__ . '/includes/api/helloasso.php';
require_once __DIR__ . '/includes/api/donations.php';
require_once __DIR__ . '/includes/admin/signups-screen.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'lien', false, dirname( plugin_basename( LIEN_PLUGIN_FILE ) ) . '/languages' );
	}
);
