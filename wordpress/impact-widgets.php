<?php
/**
 * Plugin Name:       Impact widgets
 * Plugin URI:        https://github.com/impact-widgets/impact-widgets
 * Description:       A study's results in posts and pages: a cited headline number, an attributed quote and a fundraising call to action, as blocks and shortcodes any author can use.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            impact-widgets contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       impact-widgets
 *
 * @package ImpactWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'IMPACT_WIDGETS_FILE', __FILE__ );
define( 'IMPACT_WIDGETS_DIR', __DIR__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/document.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/oembed.php';
require_once __DIR__ . '/includes/settings.php';
