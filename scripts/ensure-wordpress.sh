#!/usr/bin/env bash
# Starts a real WordPress (6.8, from Debian 13 "trixie") on 127.0.0.1 for the end-to-end tests and prints
#   export LIEN_WP_URL=http://127.0.0.1:8089
#   export LIEN_WP_ROOT=/tmp/lien-wordpress/site        (the document root)
#   export LIEN_WP_ADMIN_USER=admin / LIEN_WP_ADMIN_PASSWORD=…
#   export LIEN_WP_AUTHOR_USER=author / LIEN_WP_AUTHOR_PASSWORD=…   (a user with the "author" role)
#   export LIEN_WP_MAIL_DIR=…      (every mail WordPress sends is written there, one .eml file each)
#   export LIEN_WP_DEBUG_LOG=…     (PHP notices and errors)
#   export LIEN_WP_PID=…           (the server's process group: stop it with `kill -- -$LIEN_WP_PID`)
# (also written to the file named by $1, when given).
#
# Each run makes a fresh site (new SQLite database) and restarts the server. Downloads are cached, so only the
# first run takes long. Nothing is installed on the system but Debian 12's PHP (when missing):
#   - WordPress and the few packages it symlinks to (lodash, underscore, cropper, getid3, the default theme) are
#     fetched from trixie with `apt-get download` through a private apt configuration and unpacked with `dpkg -x`;
#   - the database is SQLite, through the official SQLite Database Integration plugin, taken from the npm
#     package @wp-playground/cli which carries it as sqlite-database-integration.zip;
#   - the server is PHP's built-in one (`php -S`) with a small router for pretty permalinks (/wp-json/…).
#
# Environment:
#   LIEN_WP_PORT        first port to try (default 8089; the next free one is taken when it is busy)
#   LIEN_WP_PLUGIN_DIR  a plugin folder to mount as wp-content/plugins/lien (symlinked, not activated)
#   LIEN_WP_WORK        where the site lives (default /tmp/lien-wordpress)
#   LIEN_WP_CACHE       where downloads are kept (default /var/cache/lien-wordpress as root, else ~/.cache/…);
#                       delete it to fetch newer versions
set -euo pipefail

out_file="${1:-}"
port="${LIEN_WP_PORT:-8089}"
work="${LIEN_WP_WORK:-/tmp/lien-wordpress}"
if [ -n "${LIEN_WP_CACHE:-}" ]; then
  cache="$LIEN_WP_CACHE"
elif [ "$(id -u)" = 0 ]; then
  cache="/var/cache/lien-wordpress"
else
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/lien-wordpress"
fi
site="$work/site"
admin_password="admin-password"
author_password="author-password"

log() { echo "ensure-wordpress: $*" >&2; }
mkdir -p "$cache" "$work"

# --- PHP (Debian 12's) -----------------------------------------------------------------------------------------
# pdo_sqlite for the database, mbstring and dom for WordPress itself; unzip for the SQLite plugin.
php_modules="$(php -m 2>/dev/null || true)"
if ! command -v unzip >/dev/null || ! grep -qx pdo_sqlite <<<"$php_modules" ||
  ! grep -qx mbstring <<<"$php_modules" || ! grep -qx dom <<<"$php_modules"; then
  log "installing Debian's php-cli, php-sqlite3, php-mbstring, php-xml, php-curl and unzip…"
  export DEBIAN_FRONTEND=noninteractive
  packages=(php-cli php-sqlite3 php-mbstring php-xml php-curl php-codesniffer unzip)
  if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2; then
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
  fi
fi

# --- WordPress from Debian 13 ----------------------------------------------------------------------------------
# Debian's package puts WordPress in /usr/share/wordpress, with relative symlinks into /usr/share/javascript and
# /usr/share/php for the libraries Debian packages separately, and the default theme in a package of its own.
# All of them are unpacked into one tree ($cache/unpacked), so those links resolve there; the tree is then
# copied with the links followed into $cache/core, a self-contained WordPress.
deb_packages=(wordpress wordpress-theme-twentytwentyfive libjs-cropper libjs-lodash libjs-underscore php-getid3)
core="$cache/core"

# The machine's own Debian mirror (the main archive, not -security or -updates), from either sources format.
debian_mirror() {
  local codename
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  {
    # One-line format: deb [options] URI SUITE COMPONENTS…
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      sed -E 's/\[[^]]*\]//' | awk -v s="$codename" '$1 == "deb" && $3 == s { print $2 }'
    # deb822 format: paragraphs with "URIs:" and "Suites:" fields.
    cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
      awk -v s="$codename" '
        /^[[:space:]]*$/ { if (has && uri != "") print uri; uri = ""; has = 0; next }
        /^URIs:/ { uri = $2 }
        /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) has = 1 }
        END { if (has && uri != "") print uri }'
  } | head -n1
}

if [ ! -f "$core/.complete" ]; then
  mirror="$(debian_mirror)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  log "fetching WordPress from Debian trixie ($mirror)…"

  # A private apt configuration: its own sources list, package lists, cache and (empty) dpkg status, so the
  # system's apt state is neither read nor changed.
  apt_dir="$cache/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$cache/debs"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$apt_dir/sources.list"
  touch "$apt_dir/status"
  apt_options=(
    -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Dir::State::status=$apt_dir/status"
    -o "Acquire::Languages=none" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)"
  )
  apt-get "${apt_options[@]}" update -qq >&2
  (cd "$cache/debs" && rm -f ./*.deb && apt-get "${apt_options[@]}" download -qq "${deb_packages[@]}" >&2)

  rm -rf "$cache/unpacked" "$core"
  mkdir -p "$cache/unpacked"
  for deb in "$cache"/debs/*.deb; do dpkg -x "$deb" "$cache/unpacked"; done
  # .htaccess points to /etc/wordpress/htaccess (Apache only): drop it; every other link must resolve.
  rm -f "$cache/unpacked/usr/share/wordpress/.htaccess"
  dangling="$(find "$cache/unpacked/usr/share/wordpress" -xtype l)"
  if [ -n "$dangling" ]; then
    log "links left dangling in Debian's WordPress:"$'\n'"$dangling"
    exit 1
  fi
  cp -rL "$cache/unpacked/usr/share/wordpress" "$core.tmp"
  # Debian's wp-config.php only loads /etc/wordpress/config-<host>.php: each site gets its own (below).
  rm -f "$core.tmp/wp-config.php"
  mv "$core.tmp" "$core"
  rm -rf "$cache/unpacked"
  touch "$core/.complete"
fi

# --- SQLite Database Integration plugin ------------------------------------------------------------------------
sqlite_plugin="$cache/sqlite-database-integration"
if [ ! -f "$sqlite_plugin/db.copy" ]; then
  log "fetching the SQLite Database Integration plugin from @wp-playground/cli…"
  rm -rf "$cache/npm" "$sqlite_plugin"
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm pack --silent @wp-playground/cli >/dev/null &&
    tar -xzf ./*.tgz --wildcards '*sqlite-database-integration.zip')
  unzip -q "$(find "$cache/npm" -name sqlite-database-integration.zip | head -n1)" -d "$cache/npm/zip"
  # The zip holds one folder (plugin-sqlite-database-integration/): it becomes sqlite-database-integration/.
  mv "$(dirname "$(find "$cache/npm/zip" -name db.copy | head -n1)")" "$sqlite_plugin"
fi

# --- Stop the server of an earlier run -------------------------------------------------------------------------
# php -S with workers is a process group (the master does not stop its workers): signal the whole group.
is_server() { [[ "$(cat "/proc/$1/cmdline" 2>/dev/null | tr '\0' ' ')" == *"php "*"-S "* ]]; }
if [ -f "$work/server.pid" ]; then
  old_pid="$(cat "$work/server.pid")"
  if [ -n "$old_pid" ] && is_server "$old_pid"; then
    log "stopping the previous server (pid $old_pid)"
    kill -- "-$old_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      if ! is_server "$old_pid"; then break; fi
      sleep 0.1
    done
  fi
  rm -f "$work/server.pid"
fi

# The first free port from $port on.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 50); do
  if ! port_busy "$port"; then break; fi
  port=$((port + 1))
done
url="http://127.0.0.1:$port"

# --- A fresh site ----------------------------------------------------------------------------------------------
rm -rf "$site" "$work/database" "$work/mail"
mkdir -p "$work/database" "$work/mail"
: >"$work/debug.log"
cp -r "$core" "$site"
rm -f "$site/.complete"
cp -r "$sqlite_plugin" "$site/wp-content/plugins/sqlite-database-integration"
# db.php is the drop-in that replaces WordPress's MySQL layer; the plugin's activation code writes it from db.copy,
# replacing {SQLITE_IMPLEMENTATION_FOLDER_PATH} with the plugin's folder and {SQLITE_PLUGIN} with its main file.
sed -e "s|{SQLITE_IMPLEMENTATION_FOLDER_PATH}|$site/wp-content/plugins/sqlite-database-integration|g" \
  -e "s|{SQLITE_PLUGIN}|sqlite-database-integration/load.php|g" \
  "$sqlite_plugin/db.copy" >"$site/wp-content/db.php"
if [ -n "${LIEN_WP_PLUGIN_DIR:-}" ]; then
  ln -s "$(realpath "$LIEN_WP_PLUGIN_DIR")" "$site/wp-content/plugins/lien"
fi

# No internet here: a must-use plugin turns off the update checks against wordpress.org, whose failures would
# otherwise fill the debug log with warnings.
mkdir -p "$site/wp-content/mu-plugins"
cat >"$site/wp-content/mu-plugins/no-update-checks.php" <<'PHP'
<?php
remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
foreach ( [ 'load-plugins.php', 'load-update.php', 'load-update-core.php' ] as $screen ) {
	remove_action( $screen, 'wp_update_plugins' );
}
foreach ( [ 'load-themes.php', 'load-update.php', 'load-update-core.php' ] as $screen ) {
	remove_action( $screen, 'wp_update_themes' );
}
PHP

# Random keys and salts, one set per site.
salts=""
for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  salts+="define( '$key', '$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')' );"$'\n'
done

cat >"$site/wp-config.php" <<PHP
<?php
// Test site for Lien's end-to-end tests (written by scripts/ensure-wordpress.sh).
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
// SQLite database file, outside the document root.
define( 'DB_DIR', '$work/database/' );
define( 'DB_FILE', 'wordpress.sqlite' );
\$table_prefix = 'wp_';
$salts
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
// "local" allows application passwords over plain http.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$work/debug.log' );
define( 'FS_METHOD', 'direct' );
// No internet: never wait for wordpress.org (updates, translations, news), never update anything.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
// WP-Cron would spawn loopback requests into the two workers of php -S; tests can call /wp-cron.php instead.
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP

# Router for php -S: existing files are served as they are (PHP files run), everything else goes to index.php,
# as Apache's rewrite rules would do for pretty permalinks.
cat >"$work/router.php" <<'PHP'
<?php
$root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$path = '/' . ltrim( rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?? '/' ), '/' );
if ( str_contains( $path, '/.' ) ) {
	http_response_code( 403 );
	return true;
}
if ( is_dir( $root . $path ) ) {
	if ( ! str_ends_with( $path, '/' ) ) {
		header( 'Location: ' . $path . '/' );
		return true;
	}
	$path .= 'index.php';
}
if ( is_file( $root . $path ) ) {
	if ( ! str_ends_with( $path, '.php' ) ) {
		return false;
	}
	$_SERVER['SCRIPT_NAME'] = $path;
	$_SERVER['PHP_SELF'] = $path;
	$_SERVER['SCRIPT_FILENAME'] = $root . $path;
	chdir( dirname( $root . $path ) );
	require $root . $path;
	return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir( $root );
require $root . '/index.php';
PHP

# Mail: PHP's mail() pipes each message into this command, which keeps it as a file in the mail folder.
cat >"$work/sendmail.sh" <<SH
#!/bin/sh
cat >"$work/mail/\$(date +%s%N).eml"
SH
chmod +x "$work/sendmail.sh"
php_options=(-d "sendmail_path=$work/sendmail.sh" -d memory_limit=512M -d upload_max_filesize=64M -d post_max_size=64M)

# --- Install ---------------------------------------------------------------------------------------------------
cat >"$work/install.php" <<'PHP'
<?php
// Installs WordPress like its installer page would, then adds the author user.
[ , $url, $admin_password, $author_password ] = $argv;
$_SERVER['HTTP_HOST'] = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define( 'WP_INSTALLING', true );
require getenv( 'LIEN_WP_ROOT' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install( 'Lien test', 'admin', 'admin@example.org', true, '', $admin_password );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, $result->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'siteurl', $url );
update_option( 'home', $url );
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'active_plugins', [ 'sqlite-database-integration/load.php' ] );
$author = wp_insert_user( [
	'user_login' => 'author',
	'user_pass'  => $author_password,
	'user_email' => 'author@example.org',
	'role'       => 'author',
] );
if ( is_wp_error( $author ) ) {
	fwrite( STDERR, $author->get_error_message() . "\n" );
	exit( 1 );
}
flush_rewrite_rules();
PHP
log "installing a fresh site in $site"
LIEN_WP_ROOT="$site" php "${php_options[@]}" "$work/install.php" "$url" "$admin_password" "$author_password" >&2

# --- Serve -----------------------------------------------------------------------------------------------------
# setsid makes the server the leader of its own process group (LIEN_WP_PID), detached from this script.
PHP_CLI_SERVER_WORKERS=2 setsid php "${php_options[@]}" -S "127.0.0.1:$port" -t "$site" "$work/router.php" \
  >"$work/server.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$work/server.pid"
for _ in $(seq 1 100); do
  if php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "$url/" 2>/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    log "the server stopped; its log ($work/server.log):"
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "$url/" 2>/dev/null; then
  log "$url does not answer; server log: $work/server.log"
  exit 1
fi

exports="export LIEN_WP_URL=$url
export LIEN_WP_ROOT=$site
export LIEN_WP_ADMIN_USER=admin
export LIEN_WP_ADMIN_PASSWORD=$admin_password
export LIEN_WP_AUTHOR_USER=author
export LIEN_WP_AUTHOR_PASSWORD=$author_password
export LIEN_WP_MAIL_DIR=$work/mail
export LIEN_WP_DEBUG_LOG=$work/debug.log
export LIEN_WP_PID=$pid"
echo "$exports"
if [ -n "$out_file" ]; then echo "$exports" >"$out_file"; fi
