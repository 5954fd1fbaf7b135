<?php
/**
 * Our three tags survive a post's filter for people without unfiltered_html (Authors,
 * Contributors, everyone on multisite), with their documented attributes only. kses checks the
 * attributes that hold URLs as it checks href, so a javascript: value is still stripped; on*
 * handlers and every other attribute are not on the list.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Allows the tags in posts.
 *
 * @param array  $tags    The allowed tags, each with its allowed attributes.
 * @param string $context What the HTML is for.
 * @return array
 */
function impact_widgets_allowed_html( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	foreach ( impact_widgets_elements()['attributes'] as $tag => $names ) {
		$tags[ $tag ] = array_fill_keys( array_merge( $names, array( 'lang', 'dir', 'class' ) ), true );
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'impact_widgets_allowed_html', 10, 2 );

/**
 * Our URL attributes, checked for their protocol as kses checks href.
 *
 * @param string[] $attributes The attributes kses treats as URLs.
 * @return string[]
 */
function impact_widgets_uri_attributes( $attributes ) {
	return array_merge( $attributes, impact_widgets_elements()['urls'] );
}
add_filter( 'wp_kses_uri_attributes', 'impact_widgets_uri_attributes' );
