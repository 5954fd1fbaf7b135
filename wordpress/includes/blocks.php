<?php
/**
 * The blocks, from their block.json, rendered on the server; the shortcodes, which print the same;
 * and the REST route the editor's item picker reads the document from.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Registers the scripts, the three blocks and the three shortcodes. */
function impact_widgets_register() {
	impact_widgets_register_scripts();
	foreach ( impact_widgets_tags() as $tag => $spec ) {
		register_block_type(
			IMPACT_WIDGETS_DIR . '/blocks/' . $tag,
			array(
				'render_callback' => static fn( $attributes ) => '<div ' . get_block_wrapper_attributes() . '>' . impact_widgets_render( $tag, $attributes ) . '</div>',
			)
		);
		// In a block of its own, as the block is: themes lay out a post's blocks, not inline
		// elements, and the element is inline until its script runs.
		add_shortcode(
			$spec['shortcode'],
			static fn( $attributes ) => '<div class="impact-widgets-shortcode">' . impact_widgets_render( $tag, shortcode_atts( impact_widgets_attribute_defaults( $tag ), $attributes, $spec['shortcode'] ) ) . '</div>'
		);
	}
}
add_action( 'init', 'impact_widgets_register' );

/** GET impact-widgets/v1/document: the settings' document, for those who can write posts. */
function impact_widgets_rest_routes() {
	register_rest_route(
		'impact-widgets/v1',
		'/document',
		array(
			'methods'             => 'GET',
			'permission_callback' => static fn() => current_user_can( 'edit_posts' ),
			'callback'            => 'impact_widgets_rest_document',
		)
	);
}
add_action( 'rest_api_init', 'impact_widgets_rest_routes' );

/**
 * The document and where it comes from ('' for the embedded study), or why it cannot be read.
 *
 * @return array|WP_Error
 */
function impact_widgets_rest_document() {
	$src      = impact_widgets_options()['document_url'];
	$document = impact_widgets_document( $src );
	if ( is_wp_error( $document ) ) {
		return new WP_Error( 'impact_widgets_document', $document->get_error_message(), array( 'status' => 502 ) );
	}
	return array(
		'src'      => $src,
		'document' => $document,
	);
}
