<?php
/**
 * A pasted card URL from the organisation's card site embeds as a trusted iframe: the card site is
 * a registered oEmbed provider, whose endpoint is this site's REST route (a static card site has
 * none that takes ?url=). The frame is sized by dist/embed-resize.js, from the heights the card
 * page posts, rather than sandboxed and clamped as a discovered embed is.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The frame's width and first height, until the card page tells its own. */
const IMPACT_WIDGETS_FRAME_WIDTH  = 600;
const IMPACT_WIDGETS_FRAME_HEIGHT = 320;

/**
 * The card site's address with a trailing slash, or ''.
 *
 * @return string
 */
function impact_widgets_card_site() {
	$site = impact_widgets_options()['card_site'];
	return '' === $site ? '' : trailingslashit( $site );
}

/** Registers the card site as a provider. */
function impact_widgets_oembed_provider() {
	$site = impact_widgets_card_site();
	if ( '' !== $site ) {
		wp_oembed_add_provider( $site . '*', rest_url( 'impact-widgets/v1/oembed' ), false );
	}
}
add_action( 'init', 'impact_widgets_oembed_provider' );

/** GET impact-widgets/v1/oembed?url=…: the provider's answer, public as oEmbed endpoints are. */
function impact_widgets_oembed_route() {
	register_rest_route(
		'impact-widgets/v1',
		'/oembed',
		array(
			'methods'             => 'GET',
			'permission_callback' => '__return_true',
			'callback'            => 'impact_widgets_oembed_response',
			'args'                => array(
				'url'      => array(
					'required' => true,
					'type'     => 'string',
				),
				'maxwidth' => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
			),
		)
	);
}
add_action( 'rest_api_init', 'impact_widgets_oembed_route' );

/**
 * The iframe for a card on the card site; 404 for any other URL.
 *
 * @param WP_REST_Request $request The request.
 * @return array|WP_Error
 */
function impact_widgets_oembed_response( $request ) {
	$site = impact_widgets_card_site();
	$url  = impact_widgets_http_url( $request['url'] );
	if ( '' === $site || '' === $url || ! str_starts_with( $url, $site ) || $url === $site ) {
		return new WP_Error( 'impact_widgets_oembed', __( 'This is not a card on the organisation’s card site.', 'impact-widgets' ), array( 'status' => 404 ) );
	}
	$width = min( IMPACT_WIDGETS_FRAME_WIDTH, (int) ( $request['maxwidth'] ?? IMPACT_WIDGETS_FRAME_WIDTH ) );
	/* translators: %s: the card site's host name. */
	$title = sprintf( __( 'Study card from %s', 'impact-widgets' ), wp_parse_url( $site, PHP_URL_HOST ) );
	return array(
		'version'       => '1.0',
		'type'          => 'rich',
		'provider_name' => wp_parse_url( $site, PHP_URL_HOST ),
		'provider_url'  => $site,
		'title'         => $title,
		'width'         => $width,
		'height'        => IMPACT_WIDGETS_FRAME_HEIGHT,
		'html'          => sprintf(
			'<iframe data-impact-embed class="impact-widgets-card" src="%s" title="%s" width="%d" height="%d" loading="lazy"></iframe>',
			esc_url( $url ),
			esc_attr( $title ),
			$width,
			IMPACT_WIDGETS_FRAME_HEIGHT
		),
	);
}

/**
 * A card's frame on a page brings the resize script.
 *
 * @param string|false $html The embed's HTML.
 * @param string       $url  The URL that was embedded.
 * @return string|false
 */
function impact_widgets_embed_html( $html, $url ) {
	$site = impact_widgets_card_site();
	if ( '' !== $site && str_starts_with( $url, $site ) && is_string( $html ) && str_contains( $html, 'data-impact-embed' ) ) {
		wp_enqueue_script( 'impact-widgets-embed-resize' );
	}
	return $html;
}
add_filter( 'embed_oembed_html', 'impact_widgets_embed_html', 10, 2 );
