<?php
/**
 * A dynamic block per element (blocks/<tag>/block.json, written by the build from the element's manifest): its
 * render prints the tag at display time, so the filter that strips unknown tags from an author's post never sees
 * it. In the block editor, a sidebar with the element's attributes and a live preview (editor/blocks.js).
 *
 * @package Lien
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	static function () {
		wp_register_script(
			'lien-blocks',
			plugins_url( 'editor/blocks.js', LIEN_PLUGIN_FILE ),
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
			(string) filemtime( LIEN_PLUGIN_DIR . '/editor/blocks.js' ),
			true
		);
		foreach ( lien_elements() as $tag => $element ) {
			register_block_type(
				$element['dir'],
				array(
					// The block's class, and the one an author adds under Advanced.
					'render_callback' => static fn( $attributes ) => lien_render_element( $tag, $attributes, trim( 'wp-block-lien-' . $tag . ' ' . ( is_string( $attributes['className'] ?? null ) ? $attributes['className'] : '' ) ) ),
				)
			);
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		$elements = array();
		foreach ( lien_elements() as $tag => $element ) {
			$help = is_readable( $element['dir'] . '/help.json' ) ? json_decode( (string) file_get_contents( $element['dir'] . '/help.json' ), true ) : array();
			$elements[ $tag ] = array(
				'module'   => lien_cdn_url( $tag . '.js' ),
				'defaults' => lien_default_attributes( $tag, array() ),
				'help'     => is_array( $help ) ? $help : array(),
			);
		}
		$data = array(
			'elements' => $elements,
			'theme'    => lien_theme_tokens(),
			'labels'   => array(
				'settings' => __( 'Settings', 'lien' ),
				'preview'  => __( 'Preview: the element as visitors will see it.', 'lien' ),
			),
		);
		wp_add_inline_script( 'lien-blocks', 'window.lienBlocks = ' . wp_json_encode( $data ) . ';', 'before' );
	}
);
