<?php
/**
 * What a block or shortcode prints: the element, with the card's words from the document as its
 * light-DOM fallback, the same words the embed builder writes (demo/builder/elements.ts). Readers
 * without JavaScript, feed readers and search engines get them; the element, once its script
 * runs, shows its card instead.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The three elements: the list of the document each shows, its shortcode, the function that
 * writes its words, and the block or shortcode attributes it takes beyond id, src, theme and lang.
 *
 * @return array<string, array{kind: string, shortcode: string, words: callable, extra: array<string, string>}>
 */
function impact_widgets_tags() {
	return array(
		'impact-stat'   => array(
			'kind'      => 'stats',
			'shortcode' => 'impact_stat',
			'words'     => 'impact_widgets_stat_words',
			'extra'     => array(),
		),
		'study-quote'   => array(
			'kind'      => 'quotes',
			'shortcode' => 'study_quote',
			'words'     => 'impact_widgets_quote_words',
			'extra'     => array(),
		),
		'fundraise-cta' => array(
			'kind'      => 'ctas',
			'shortcode' => 'fundraise_cta',
			'words'     => 'impact_widgets_cta_words',
			'extra'     => array(
				'endpoint' => 'signup_endpoint',
				'provider' => 'signup_provider',
				'fields'   => 'signup_fields',
			),
		),
	);
}

/**
 * The attributes a block or shortcode takes for a tag, each '' by default.
 *
 * @param string $tag An element's tag.
 * @return array<string, string>
 */
function impact_widgets_attribute_defaults( $tag ) {
	$names = array_merge( array( 'id', 'src', 'theme', 'lang' ), array_keys( impact_widgets_tags()[ $tag ]['extra'] ) );
	return array_fill_keys( $names, '' );
}

/**
 * The element's attributes from what an author gave, sanitised; the settings fill in the document
 * and the sign-up defaults. An empty value leaves the attribute out.
 *
 * @param string $tag   An element's tag.
 * @param array  $given The block's or shortcode's attributes.
 * @return array<string, string>
 */
function impact_widgets_element_attributes( $tag, $given ) {
	$options = impact_widgets_options();
	$string  = static fn( $name ) => is_scalar( $given[ $name ] ?? null ) ? trim( (string) $given[ $name ] ) : '';
	$theme   = $string( 'theme' );
	$lang    = $string( 'lang' );
	$element = array(
		'data-id'    => sanitize_text_field( $string( 'id' ) ),
		'data-src'   => impact_widgets_http_url( $string( 'src' ) ),
		'data-theme' => in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ? $theme : '',
		'lang'       => preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/', $lang ) ? $lang : '',
	);
	$element['data-src'] = '' !== $element['data-src'] ? $element['data-src'] : $options['document_url'];
	foreach ( impact_widgets_tags()[ $tag ]['extra'] as $name => $option ) {
		$value                      = 'endpoint' === $name ? impact_widgets_http_url( $string( $name ) ) : sanitize_text_field( $string( $name ) );
		$value                      = 'provider' === $name ? sanitize_key( $value ) : $value;
		$element[ 'data-' . $name ] = '' !== $value ? $value : $options[ $option ];
	}
	return array_filter( $element, static fn( $value ) => '' !== $value );
}

/**
 * The element with its words, for a shortcode or (inside the block's wrapper) a block.
 *
 * @param string $tag   An element's tag.
 * @param array  $given The block's or shortcode's attributes.
 * @return string HTML.
 */
function impact_widgets_render( $tag, $given ) {
	$element = impact_widgets_element_attributes( $tag, is_array( $given ) ? $given : array() );
	impact_widgets_enqueue();
	$open = '<' . $tag;
	foreach ( $element as $name => $value ) {
		$open .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	list( $notice, $words ) = impact_widgets_words( $tag, $element );
	return $notice . $open . '>' . $words . '</' . $tag . '>';
}

/**
 * The card's words for an element with these attributes, and the editors' notice when there are
 * none: the words of the item it names in the document it names.
 *
 * @param string $tag     An element's tag.
 * @param array  $element Its attributes (data-id, data-src, lang).
 * @return array{0: string, 1: string} The notice and the words, HTML.
 */
function impact_widgets_words( $tag, $element ) {
	$spec     = impact_widgets_tags()[ $tag ];
	$document = impact_widgets_document( $element['data-src'] ?? '' );
	$item     = is_wp_error( $document ) ? null : impact_widgets_item( $document, $spec['kind'], $element['data-id'] ?? '' );
	$locale   = $element['lang'] ?? str_replace( '_', '-', get_locale() );
	if ( null !== $item ) {
		return array( '', call_user_func( $spec['words'], $item, $document, $locale ) );
	}
	return array(
		impact_widgets_editor_notice( $tag, $element, $document ),
		'<p>' . esc_html__( 'This card could not be shown.', 'impact-widgets' ) . '</p>',
	);
}

/**
 * The attributes of a hand-written element that leave its words the document's: any other (an
 * inline figure, label or link, another format) makes the element show words the document's
 * would contradict, so such an element keeps only what its author wrote.
 */
const IMPACT_WIDGETS_WORDS_ATTRIBUTES = array( 'data-id', 'data-src', 'data-theme', 'data-animate', 'lang', 'dir', 'class' );

/**
 * A Custom HTML block's empty elements get the card's words, as a block's and a shortcode's do,
 * for readers without JavaScript and feed readers: the words of what the element will show, so
 * of the embedded study when it has no data-src (the settings' document is for blocks and
 * shortcodes, which write it). Their attributes stay as their author wrote them (and as kses kept
 * them).
 *
 * @param string $html The Custom HTML block's HTML.
 * @return string
 */
function impact_widgets_custom_html_words( $html ) {
	$tags = implode( '|', array_keys( impact_widgets_tags() ) );
	return preg_replace_callback(
		'~<(' . $tags . ')(\s[^>]*)?>\s*</\1>~',
		static function ( $found ) {
			$attributes = array();
			foreach ( wp_kses_hair( $found[2] ?? '', wp_allowed_protocols() ) as $name => $attribute ) {
				$attributes[ strtolower( $name ) ] = $attribute['value'];
			}
			if ( array_diff( array_keys( $attributes ), IMPACT_WIDGETS_WORDS_ATTRIBUTES ) ) {
				return $found[0];
			}
			$element = array(
				'data-id'  => sanitize_text_field( $attributes['data-id'] ?? '' ),
				'data-src' => impact_widgets_http_url( $attributes['data-src'] ?? '' ),
			);
			if ( preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/', $attributes['lang'] ?? '' ) ) {
				$element['lang'] = $attributes['lang'];
			}
			list( $notice, $words ) = impact_widgets_words( $found[1], array_filter( $element ) );
			return $notice . '<' . $found[1] . ( $found[2] ?? '' ) . '>' . $words . '</' . $found[1] . '>';
		},
		$html
	);
}
add_filter( 'render_block_core/html', 'impact_widgets_custom_html_words' );

/**
 * Why a card has no words, for those who can fix it (editors and authors); nothing for readers.
 *
 * @param string         $tag      An element's tag.
 * @param array          $element  Its attributes.
 * @param array|WP_Error $document The document, or why it could not be read.
 * @return string HTML.
 */
function impact_widgets_editor_notice( $tag, $element, $document ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$message = is_wp_error( $document )
		/* translators: 1: an element's tag, 2: the document's URL, 3: why it could not be read. */
		? sprintf( __( 'Impact widgets: <%1$s> has no words, because the study document %2$s could not be read: %3$s.', 'impact-widgets' ), $tag, $element['data-src'] ?? '', $document->get_error_message() )
		/* translators: 1: an element's tag, 2: an item's id. */
		: sprintf( __( 'Impact widgets: <%1$s> has no words, because the study document has no item "%2$s".', 'impact-widgets' ), $tag, $element['data-id'] ?? '' );
	return '<p class="impact-widgets-notice" role="note">' . esc_html( $message . ' ' . __( 'Only people who can edit posts see this note.', 'impact-widgets' ) ) . '</p>';
}

/**
 * Text from the document for the fallback: escaped, without Unicode's directional controls, which
 * the card isolates in a <bdi> and feed readers would apply to the words around them
 * (src/snapshot/snippet.ts says why).
 *
 * @param mixed $text A string from the document.
 * @return string HTML.
 */
function impact_widgets_text( $text ) {
	return esc_html( preg_replace( '/[\x{202A}-\x{202E}\x{2066}-\x{2069}]/u', '', is_scalar( $text ) ? (string) $text : '' ) );
}

/**
 * A link to an http(s) (or mailto, when allowed) URL around some HTML, or the HTML alone.
 *
 * @param mixed    $url       The link's target.
 * @param string   $html      What it links.
 * @param string[] $protocols The schemes the element itself would follow.
 * @return string HTML.
 */
function impact_widgets_link( $url, $html, $protocols = array( 'http', 'https' ) ) {
	$href = is_string( $url ) && '' !== $url ? esc_url( $url, $protocols ) : '';
	return '' !== $href ? '<a href="' . $href . '">' . $html . '</a>' : $html;
}

/**
 * The study as a card cites it.
 *
 * @param array $study The document's study.
 * @return string HTML.
 */
function impact_widgets_citation( $study ) {
	return '<cite>' . impact_widgets_text( $study['title'] . ', ' . $study['year'] ) . '</cite>';
}

/**
 * The figure as the element shows it: Intl's (ICU's) number formats, which PHP's intl shares;
 * as written when intl is missing.
 *
 * @param array  $stat   A stat.
 * @param string $locale A BCP 47 tag.
 * @return string
 */
function impact_widgets_format_stat( $stat, $locale ) {
	$value  = is_numeric( $stat['value'] ?? null ) ? $stat['value'] + 0 : 0;
	$format = $stat['format'] ?? 'number';
	if ( ! class_exists( 'NumberFormatter' ) ) {
		return (string) $value . ( 'percent' === $format ? '%' : '' );
	}
	// The value's own digits, as src/format/format-stat.ts counts them.
	$parts    = explode( 'e', strtolower( (string) $value ) );
	$fraction = explode( '.', $parts[0] )[1] ?? '';
	$own      = max( 0, min( strlen( $fraction ) - (int) ( $parts[1] ?? 0 ), 20 ) );
	$digits   = is_int( $stat['decimals'] ?? null ) ? $stat['decimals'] : null;
	if ( null === $digits ) {
		$digits = 'percent' === $format ? min( $own, 1 ) : ( 'number' === $format || ( 'currency' === $format && ! $own ) ? $own : null );
	}
	$styles    = array(
		'percent'  => NumberFormatter::PERCENT,
		'currency' => NumberFormatter::CURRENCY,
	);
	$formatter = new NumberFormatter( str_replace( '-', '_', $locale ), $styles[ $format ] ?? NumberFormatter::DECIMAL );
	if ( null !== $digits ) {
		$formatter->setAttribute( NumberFormatter::MIN_FRACTION_DIGITS, $digits );
		$formatter->setAttribute( NumberFormatter::MAX_FRACTION_DIGITS, $digits );
	}
	if ( 'currency' === $format ) {
		$written = is_string( $stat['currency'] ?? null ) ? $formatter->formatCurrency( $value, $stat['currency'] ) : false;
	} else {
		// "percent" values are percentage points (2.2 means 2.2 %); ICU's percent style wants 0.022.
		$written = $formatter->format( 'percent' === $format ? $value / 100 : $value );
	}
	return false === $written ? (string) $value : $written;
}

/**
 * A stat's words: the figure and its label, its context, and its source and citation.
 *
 * @param array  $stat     A stat.
 * @param array  $document Its document.
 * @param string $locale   A BCP 47 tag.
 * @return string HTML.
 */
function impact_widgets_stat_words( $stat, $document, $locale ) {
	$source = '';
	if ( is_string( $stat['source']['label'] ?? null ) ) {
		$source = impact_widgets_link( $stat['source']['url'] ?? '', impact_widgets_text( $stat['source']['label'] ) )
			// Words as the card says them: a figure the study only reports is "as cited in" it.
			. ( empty( $stat['source']['cited'] ) ? ' · ' : esc_html__( ', as cited in ', 'impact-widgets' ) );
	}
	$context = is_string( $stat['context'] ?? null ) ? '<p>' . impact_widgets_text( $stat['context'] ) . '</p>' : '';
	return '<p><strong>' . impact_widgets_text( impact_widgets_format_stat( $stat, $locale ) ) . '</strong> ' . impact_widgets_text( $stat['label'] ?? '' ) . '</p>'
		. $context
		. '<p>' . esc_html__( 'Source:', 'impact-widgets' ) . ' ' . $source . impact_widgets_citation( $document['study'] ) . '</p>';
}

/**
 * A quote's words and who said them, cited as the card cites it: the quote's own source, else the
 * study. The words are in the document's language, which need not be the page's.
 *
 * @param array  $quote    A quote.
 * @param array  $document Its document.
 * @param string $locale   A BCP 47 tag.
 * @return string HTML.
 */
function impact_widgets_quote_words( $quote, $document, $locale ) {
	$study  = $document['study'];
	$source = is_string( $quote['source']['label'] ?? null );
	$href   = impact_widgets_http_url( $source ? ( $quote['source']['url'] ?? '' ) : ( $study['url'] ?? '' ) );
	$cited  = $source ? '<cite>' . impact_widgets_text( $quote['source']['label'] ) . '</cite>' : impact_widgets_citation( $study );
	$words  = is_string( $study['locale'] ?? null ) && strtolower( $study['locale'] ) !== strtolower( $locale )
		? ' lang="' . esc_attr( $study['locale'] ) . '"'
		: '';
	$who    = ( $quote['author'] ?? '' ) . ( is_string( $quote['role'] ?? null ) ? ', ' . $quote['role'] : '' );
	return '<blockquote' . $words . ( '' !== $href ? ' cite="' . esc_url( $href ) . '"' : '' ) . '>' . impact_widgets_text( $quote['text'] ?? '' ) . '</blockquote>'
		. '<p>— ' . impact_widgets_text( $who ) . ' · ' . impact_widgets_link( $href, $cited ) . '</p>';
}

/**
 * A call to action's heading, text and link: what a reader can act on without the script (the
 * sign-up form needs it).
 *
 * @param array $cta A call to action.
 * @return string HTML.
 */
function impact_widgets_cta_words( $cta ) {
	$link = is_string( $cta['button']['href'] ?? null ) && is_string( $cta['button']['label'] ?? null )
		? impact_widgets_link( $cta['button']['href'], impact_widgets_text( $cta['button']['label'] ), array( 'http', 'https', 'mailto' ) )
		: '';
	return '<p><strong>' . impact_widgets_text( $cta['heading'] ?? '' ) . '</strong></p>'
		. '<p>' . impact_widgets_text( $cta['body'] ?? '' ) . '</p>'
		. ( str_starts_with( $link, '<a ' ) ? '<p>' . $link . '</p>' : '' );
}

/**
 * The card's words are the document's, as written: WordPress's typography filter (wptexturize)
 * would turn a quote's "..." into "…" and its straight quotes into curly ones.
 *
 * @param string[] $tags The elements whose content wptexturize leaves alone.
 * @return string[]
 */
function impact_widgets_no_texturize( $tags ) {
	return array_merge( $tags, array_keys( impact_widgets_tags() ) );
}
add_filter( 'no_texturize_tags', 'impact_widgets_no_texturize' );
