<?php
/**
 * Reads the study document the elements show: the embedded study that ships with the plugin, or a
 * URL (the settings' or a block's own `src`) fetched with the HTTP API and cached in a transient.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/** How long a document that was read stays cached, and how long a failure waits before a retry. */
const IMPACT_WIDGETS_CACHE_SECONDS = HOUR_IN_SECONDS;
const IMPACT_WIDGETS_RETRY_SECONDS = 5 * MINUTE_IN_SECONDS;

/** A document larger than this is not a study document; the elements' loader has the same cap. */
const IMPACT_WIDGETS_MAX_BYTES = 1048576;

/**
 * The document at `$url`, or the embedded study for ''.
 *
 * @param string $url An http(s) URL, or ''.
 * @return array|WP_Error The decoded document, or why it could not be read.
 */
function impact_widgets_document( $url = '' ) {
	static $read = array();
	if ( isset( $read[ $url ] ) ) {
		return $read[ $url ];
	}
	$read[ $url ] = '' === $url ? impact_widgets_embedded_document() : impact_widgets_remote_document( $url );
	return $read[ $url ];
}

/**
 * The study that ships with the plugin: the same one the bundle embeds.
 *
 * @return array|WP_Error
 */
function impact_widgets_embedded_document() {
	$json = file_get_contents( IMPACT_WIDGETS_DIR . '/dist/cambodia-2015.json' );
	return impact_widgets_decode_document( false === $json ? '' : $json );
}

/**
 * A document from a URL, cached. One transient holds the documents by URL, so uninstall.php
 * removes them all by name.
 *
 * @param string $url An http(s) URL.
 * @return array|WP_Error
 */
function impact_widgets_remote_document( $url ) {
	$cache = get_transient( 'impact_widgets_document' );
	$cache = is_array( $cache ) ? $cache : array();
	$key   = md5( $url );
	if ( isset( $cache[ $key ]['until'] ) && $cache[ $key ]['until'] > time() ) {
		$entry = $cache[ $key ];
		return isset( $entry['document'] ) ? $entry['document'] : new WP_Error( 'impact_widgets_document', $entry['error'] );
	}
	$response = wp_safe_remote_get(
		$url,
		array(
			'timeout'             => 5,
			'limit_response_size' => IMPACT_WIDGETS_MAX_BYTES,
			'headers'             => array( 'Accept' => 'application/json' ),
		)
	);
	if ( is_wp_error( $response ) ) {
		$document = new WP_Error( 'impact_widgets_document', $response->get_error_message() );
	} elseif ( 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
		/* translators: %d: an HTTP status code, such as 404. */
		$document = new WP_Error( 'impact_widgets_document', sprintf( __( 'the server answered HTTP %d', 'impact-widgets' ), (int) wp_remote_retrieve_response_code( $response ) ) );
	} else {
		$document = impact_widgets_decode_document( wp_remote_retrieve_body( $response ) );
	}
	$cache[ $key ] = is_wp_error( $document )
		? array(
			'until' => time() + IMPACT_WIDGETS_RETRY_SECONDS,
			'error' => $document->get_error_message(),
		)
		: array(
			'until'    => time() + IMPACT_WIDGETS_CACHE_SECONDS,
			'document' => $document,
		);
	set_transient( 'impact_widgets_document', $cache, IMPACT_WIDGETS_CACHE_SECONDS );
	return $document;
}

/**
 * A document from its JSON text, when it has the shape the fallback words need: a study with a
 * title and year, and lists of items. The elements validate the rest against the full schema.
 *
 * @param string $json The document's text.
 * @return array|WP_Error
 */
function impact_widgets_decode_document( $json ) {
	$document = json_decode( $json, true );
	if ( ! is_array( $document ) ) {
		return new WP_Error( 'impact_widgets_document', __( 'it is not JSON', 'impact-widgets' ) );
	}
	$study = $document['study'] ?? null;
	if ( ! is_array( $study ) || ! is_string( $study['title'] ?? null ) || ! is_int( $study['year'] ?? null ) ) {
		return new WP_Error( 'impact_widgets_document', __( 'it has no study with a title and a year', 'impact-widgets' ) );
	}
	foreach ( array( 'stats', 'quotes', 'ctas' ) as $kind ) {
		if ( ! is_array( $document[ $kind ] ?? array() ) || ! array_is_list( $document[ $kind ] ?? array() ) ) {
			/* translators: %s: the name of a list in the document: stats, quotes or ctas. */
			return new WP_Error( 'impact_widgets_document', sprintf( __( 'its "%s" is not a list', 'impact-widgets' ), $kind ) );
		}
	}
	return $document;
}

/**
 * The item of a kind with an id, or the first for '' (as an element with no `data-id` shows), or
 * null. Only items that are objects with a string id count.
 *
 * @param array  $document A decoded document.
 * @param string $kind     stats, quotes or ctas.
 * @param string $id       An item's id, or ''.
 * @return array|null
 */
function impact_widgets_item( $document, $kind, $id ) {
	foreach ( $document[ $kind ] ?? array() as $item ) {
		if ( is_array( $item ) && is_string( $item['id'] ?? null ) && ( '' === $id || $item['id'] === $id ) ) {
			return $item;
		}
	}
	return null;
}
