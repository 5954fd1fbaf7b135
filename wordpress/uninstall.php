<?php
/**
 * Removes what the plugin stored: its options and its cached document.
 *
 * @package ImpactWidgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'impact_widgets_options' );
delete_transient( 'impact_widgets_document' );
