#!/usr/bin/env bash
# The WordPress test rig: a real WordPress, from Debian's own packages, for test/wordpress/.
#
# Installs PHP's command line (whose built-in server the tests start) and MariaDB from apt, and
# takes WordPress's files with `apt-get download` + `dpkg -x`: the `wordpress` package itself
# would pull in Apache. The files are WordPress 6.1, the oldest release the plugin supports
# (wordpress/readme.txt says "Requires at least: 6.1"). The tests start their own database, on a
# private socket, and their own copy of these files (test/wordpress/rig.mjs): nothing here runs.
#
# Idempotent: a second run installs nothing and exits in well under a second. Run as root on
# Debian bookworm (CI's .ci/run does); elsewhere it says what it needs and exits 1.
#
#   bash scripts/wordpress-rig.sh          # sets up, then prints where (npm run wordpress-rig)
#   IMPACT_WORDPRESS_RIG=/some/dir bash …  # another place for the files (the tests read it too)
#   IMPACT_APT_UPDATED=1 bash …            # the package lists were just updated: no second update
set -euo pipefail

RIG="${IMPACT_WORDPRESS_RIG:-/var/cache/impact-widgets/wordpress-rig}"
# What the tests run: PHP's built-in server with WordPress's required and recommended extensions
# (mysqli, xml, mbstring; intl formats the figures as the elements do), and the database.
PACKAGES=(php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-intl mariadb-server)
# WordPress's files and the packages its symlinks point into (getID3, underscore, cropper), and the
# default theme of 6.1, a block theme.
FILES=(wordpress php-getid3 libjs-underscore libjs-cropper wordpress-theme-twentytwentythree)

if [ "$(id -u)" != 0 ] || [ ! -f /etc/debian_version ]; then
  echo "wordpress-rig: needs root on Debian (apt-get): run as root, or set up ${PACKAGES[*]} and the files of ${FILES[*]} yourself" >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ] && [ -f "$RIG/ready" ]; then
  echo "wordpress-rig: ready in $RIG ($(cat "$RIG/ready"))"
  exit 0
fi

# One apt-get update per run: .ci/run says when it has just done it.
[ -n "${IMPACT_APT_UPDATED:-}" ] || apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "wordpress-rig: installing ${missing[*]}"
  # Debian starts no MariaDB of its own in a container (policy-rc.d); the tests start theirs.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$RIG/ready" ]; then
  echo "wordpress-rig: taking WordPress's files from ${FILES[*]}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # As root into a folder of root's: apt's _apt user need not be able to write there.
  (cd "$work" && apt-get download -qq -o APT::Sandbox::User=root "${FILES[@]}")
  mkdir "$work/root"
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/root"; done
  # Debian links WordPress's bundled libraries to the packages that hold them, some by absolute
  # paths (/usr/share/…): each link becomes a copy of its target inside the extracted tree, so the
  # rig needs none of those packages installed. Links to /etc (Debian's config) are dropped.
  while IFS= read -r -d '' link; do
    target="$(readlink "$link")"
    case "$target" in
    /etc/*) rm "$link" ;;
    /*) cp -rL --remove-destination "$work/root$target" "$link" ;;
    *) cp -rL --remove-destination "$(dirname "$link")/$target" "$link" ;;
    esac
  done < <(find "$work/root/usr/share/wordpress" -type l -print0)
  # Debian's wp-config.php reads /etc/wordpress; the tests write their own.
  rm -f "$work/root/usr/share/wordpress/wp-config.php"
  rm -rf "$RIG"
  mkdir -p "$(dirname "$RIG")"
  mv "$work/root/usr/share/wordpress" "$RIG"
  version="$(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$RIG/wp-includes/version.php")"
  echo "WordPress $version" >"$RIG/ready"
fi
echo "wordpress-rig: ready in $RIG ($(cat "$RIG/ready"))"
