<?php
/**
 * The scripts, all shipped inside the plugin (WordPress.org allows no code from a third-party CDN):
 * the elements' bundle, printed as a module only on pages that show an element; the embeds'
 * resize script, deferred; and the block editor's script.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Registers the scripts; init runs this before the blocks that name the editor's. */
function impact_widgets_register_scripts() {
	$version = get_file_data( IMPACT_WIDGETS_FILE, array( 'version' => 'Version' ) )['version'];
	wp_register_script( 'impact-widgets', plugins_url( 'dist/impact-widgets.js', IMPACT_WIDGETS_FILE ), array(), $version, true );
	wp_register_script( 'impact-widgets-embed-resize', plugins_url( 'dist/embed-resize.js', IMPACT_WIDGETS_FILE ), array(), $version, true );
	wp_register_script(
		'impact-widgets-editor',
		plugins_url( 'build/editor.js', IMPACT_WIDGETS_FILE ),
		array( 'wp-api-fetch', 'wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n' ),
		$version,
		true
	);
	wp_set_script_translations( 'impact-widgets-editor', 'impact-widgets' );
}

/** The bundle, once, in the footer; called by whatever prints an element. */
function impact_widgets_enqueue() {
	wp_enqueue_script( 'impact-widgets' );
}

/**
 * The bundle is an ES module, and the resize script a deferred classic script. WordPress 6.1 has
 * neither modules nor loading strategies, so the tags say so themselves.
 *
 * @param string $tag    The script tag WordPress wrote.
 * @param string $handle Its handle.
 * @return string
 */
function impact_widgets_script_tag( $tag, $handle ) {
	$kinds = array(
		'impact-widgets'              => ' type="module"',
		'impact-widgets-embed-resize' => ' defer',
	);
	if ( ! isset( $kinds[ $handle ] ) ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
	return preg_replace( '/<script(?=\s)/', '<script' . $kinds[ $handle ], $tag, 1 );
}
add_filter( 'script_loader_tag', 'impact_widgets_script_tag', 10, 2 );

/**
 * An element written by hand (a Custom HTML block, the classic editor) needs the bundle as a block
 * or shortcode does.
 *
 * @param string $content A post's content, blocks and shortcodes done.
 * @return string The same content.
 */
function impact_widgets_enqueue_for_content( $content ) {
	if ( preg_match( '/<(?:' . implode( '|', array_keys( impact_widgets_tags() ) ) . ')[\s>]/', $content ) ) {
		impact_widgets_enqueue();
	}
	return $content;
}
add_filter( 'the_content', 'impact_widgets_enqueue_for_content', 20 );

/** The live preview in the block editor is the elements themselves. */
function impact_widgets_editor_assets() {
	impact_widgets_enqueue();
}
add_action( 'enqueue_block_editor_assets', 'impact_widgets_editor_assets' );
