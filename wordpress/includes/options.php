<?php
/**
 * The plugin's one option, an array, and the plugin's own data that the build writes.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings, each a string ('' when unset): the document URL ('' is the embedded study), the
 * card site URL, and the default sign-up endpoint, service and field map.
 *
 * @return array<string, string>
 */
function impact_widgets_options() {
	$defaults = array(
		'document_url'    => '',
		'card_site'       => '',
		'signup_endpoint' => '',
		'signup_provider' => '',
		'signup_fields'   => '',
	);
	$saved    = get_option( 'impact_widgets_options', array() );
	return array_merge( $defaults, array_intersect_key( is_array( $saved ) ? $saved : array(), $defaults ) );
}

/**
 * What the build writes beside the bundle from the elements' manifest (custom-elements.json):
 * each tag's documented attributes, and those that hold a URL. Read once per request.
 *
 * @return array{attributes: array<string, string[]>, urls: string[]}
 */
function impact_widgets_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$read     = json_decode( (string) file_get_contents( IMPACT_WIDGETS_DIR . '/dist/elements.json' ), true );
		$elements = is_array( $read ) ? $read : array(
			'attributes' => array(),
			'urls'       => array(),
		);
	}
	return $elements;
}

/**
 * An http(s) URL as given, or '' for anything else (javascript:, data:, relative paths).
 *
 * @param mixed $url What was given.
 * @return string
 */
function impact_widgets_http_url( $url ) {
	if ( ! is_string( $url ) || '' === trim( $url ) ) {
		return '';
	}
	return esc_url_raw( trim( $url ), array( 'http', 'https' ) );
}
