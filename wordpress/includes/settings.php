<?php
/**
 * Settings → Impact widgets: the document, the card site and the default sign-up settings, through
 * the Settings API (options.php checks the nonce and the manage_options capability; every value is
 * sanitised here). The page prints no script or style of its own.
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The fields: option key, label, input type and description.
 *
 * @return array<string, array{label: string, type: string, description: string}>
 */
function impact_widgets_settings_fields() {
	return array(
		'document_url'    => array(
			'label'       => __( 'Study document URL', 'impact-widgets' ),
			'type'        => 'url',
			'description' => __( 'The http(s) address of your study document (JSON). Empty: the study that ships with the plugin.', 'impact-widgets' ),
		),
		'card_site'       => array(
			'label'       => __( 'Card site URL', 'impact-widgets' ),
			'type'        => 'url',
			'description' => __( 'Your organisation’s card site: a card URL from it pasted into a post embeds as a sized frame.', 'impact-widgets' ),
		),
		'signup_endpoint' => array(
			'label'       => __( 'Default sign-up endpoint', 'impact-widgets' ),
			'type'        => 'url',
			'description' => __( 'The http(s) URL a call to action’s form posts to, unless its block or shortcode names another.', 'impact-widgets' ),
		),
		'signup_provider' => array(
			'label'       => __( 'Default sign-up service', 'impact-widgets' ),
			'type'        => 'text',
			'description' => __( 'custom, formspree, hubspot, mailchimp, netlify, google-forms, basin, kit, brevo or salesforce.', 'impact-widgets' ),
		),
		'signup_fields'   => array(
			'label'       => __( 'Default field names', 'impact-widgets' ),
			'type'        => 'text',
			'description' => __( 'ours:theirs pairs, such as email:EMAIL name:FNAME. Empty: the service’s own.', 'impact-widgets' ),
		),
	);
}

/** The option, its section and its fields. */
function impact_widgets_settings_init() {
	register_setting(
		'impact_widgets',
		'impact_widgets_options',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'impact_widgets_sanitize_options',
			'default'           => array(),
		)
	);
	add_settings_section( 'impact_widgets_main', '', '__return_false', 'impact-widgets' );
	foreach ( impact_widgets_settings_fields() as $key => $field ) {
		add_settings_field(
			'impact_widgets_' . $key,
			$field['label'],
			'impact_widgets_settings_field',
			'impact-widgets',
			'impact_widgets_main',
			array(
				'key'       => $key,
				'label_for' => 'impact_widgets_' . $key,
			) + $field
		);
	}
}
add_action( 'admin_init', 'impact_widgets_settings_init' );

/**
 * The options as saved: URLs http(s) or '', the service a key, the field map plain text. A new
 * document URL drops the cached documents.
 *
 * @param mixed $input What the form sent.
 * @return array<string, string>
 */
function impact_widgets_sanitize_options( $input ) {
	$input = is_array( $input ) ? $input : array();
	$text  = static fn( $key ) => is_string( $input[ $key ] ?? null ) ? $input[ $key ] : '';
	$site  = impact_widgets_http_url( $text( 'card_site' ) );
	$clean = array(
		'document_url'    => impact_widgets_http_url( $text( 'document_url' ) ),
		'card_site'       => '' === $site ? '' : trailingslashit( $site ),
		'signup_endpoint' => impact_widgets_http_url( $text( 'signup_endpoint' ) ),
		'signup_provider' => sanitize_key( $text( 'signup_provider' ) ),
		'signup_fields'   => sanitize_text_field( $text( 'signup_fields' ) ),
	);
	if ( impact_widgets_options()['document_url'] !== $clean['document_url'] ) {
		delete_transient( 'impact_widgets_document' );
	}
	return $clean;
}

/**
 * One input.
 *
 * @param array $field The field's key, type and description.
 */
function impact_widgets_settings_field( $field ) {
	$value = impact_widgets_options()[ $field['key'] ];
	printf(
		'<input type="%1$s" id="impact_widgets_%2$s" name="impact_widgets_options[%2$s]" value="%3$s" class="regular-text" aria-describedby="impact_widgets_%2$s_description" /><p class="description" id="impact_widgets_%2$s_description">%4$s</p>',
		esc_attr( $field['type'] ),
		esc_attr( $field['key'] ),
		esc_attr( $value ),
		esc_html( $field['description'] )
	);
}

/** Settings → Impact widgets. */
function impact_widgets_settings_menu() {
	add_options_page(
		__( 'Impact widgets', 'impact-widgets' ),
		__( 'Impact widgets', 'impact-widgets' ),
		'manage_options',
		'impact-widgets',
		'impact_widgets_settings_page'
	);
}
add_action( 'admin_menu', 'impact_widgets_settings_menu' );

/** The page: the form posts to options.php, with the Settings API's nonce. */
function impact_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'impact_widgets' );
	do_settings_sections( 'impact-widgets' );
	submit_button();
	echo '</form></div>';
}
