<?php
/**
 * A pasted card URL from the organisation's card site (`npx impact-widgets publish`) embeds as a
 * trusted iframe: the card site is a registered oEmbed provider, whose endpoint is this site's
 * REST route, since a static site has none that takes ?url=. The route reads the card's own
 * oembed.json, which publish writes beside each share page, and answers with a frame of the
 * card's embed page that dist/embed-resize.js sizes from the heights the page posts, rather than
 * the sandboxed, clamped frame of a discovered embed.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The widest frame, and its first height when the card does not say, until its page tells. */
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
 * The iframe for a card on the card site, from the card's oembed.json; 404 for any other URL, or
 * a card whose oembed.json cannot be read, so WordPress leaves the URL a link.
 *
 * The card site is the one an administrator named, so it is fetched with the plain HTTP API (the
 * safe one refuses addresses on a private network, where an organisation may host it); an Author
 * can only name a path on it.
 *
 * @param WP_REST_Request $request The request.
 * @return array|WP_Error
 */
function impact_widgets_oembed_response( $request ) {
	$site      = impact_widgets_card_site();
	$url       = impact_widgets_http_url( $request['url'] );
	$not_found = new WP_Error( 'impact_widgets_oembed', __( 'This is not a card on the organisation’s card site.', 'impact-widgets' ), array( 'status' => 404 ) );
	$path      = (string) wp_parse_url( $url, PHP_URL_PATH );
	if ( '' === $site || '' === $url || ! str_starts_with( $url, $site ) || $url === $site || ! str_ends_with( $path, '/' ) ) {
		return $not_found;
	}
	$page     = strtok( $url, '?#' );
	$response = wp_remote_get(
		$page . 'oembed.json',
		array(
			'timeout'             => 5,
			'redirection'         => 0,
			'limit_response_size' => 65536,
		)
	);
	$card     = 200 === (int) wp_remote_retrieve_response_code( $response ) ? json_decode( wp_remote_retrieve_body( $response ), true ) : null;
	$frame    = is_array( $card ) && is_string( $card['html'] ?? null ) && preg_match( '/\ssrc="([^"]+)"/', $card['html'], $src ) ? html_entity_decode( $src[1] ) : '';
	// Only a page of the card site goes in the frame, whatever its oembed.json says.
	if ( '' === $frame || ! str_starts_with( impact_widgets_http_url( $frame ), $site ) ) {
		return $not_found;
	}
	$width  = min( IMPACT_WIDGETS_FRAME_WIDTH, (int) ( $request['maxwidth'] ?? IMPACT_WIDGETS_FRAME_WIDTH ) );
	$height = is_int( $card['height'] ?? null ) && $card['height'] > 0 ? $card['height'] : IMPACT_WIDGETS_FRAME_HEIGHT;
	/* translators: %s: the card site's host name. */
	$title = is_string( $card['title'] ?? null ) ? $card['title'] : sprintf( __( 'Study card from %s', 'impact-widgets' ), wp_parse_url( $site, PHP_URL_HOST ) );
	return array(
		'version'       => '1.0',
		'type'          => 'rich',
		'provider_name' => is_string( $card['provider_name'] ?? null ) ? $card['provider_name'] : wp_parse_url( $site, PHP_URL_HOST ),
		'provider_url'  => $site,
		'title'         => $title,
		'width'         => $width,
		'height'        => $height,
		'html'          => sprintf(
			'<iframe data-impact-embed class="impact-widgets-card" src="%s" title="%s" width="%d" height="%d" loading="lazy"></iframe>',
			esc_url( $frame ),
			esc_attr( $title ),
			$width,
			$height
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
