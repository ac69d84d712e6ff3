#!/bin/sh
# The Debian packages a make target needs, installed when missing (make test, serve,
# bench and lighthouse call this; README: "What the tests run with").
#   sh scripts/debian-packages.sh browser fonts nginx tls java npm wrk
# As root it installs what is missing with apt-get; otherwise it prints the one
# command to run and carries on, and the tests that need it skip with a notice.
missing=""
need() { missing="$missing $1"; }
has() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

for what in "$@"; do
    case "$what" in
        browser) has chromium || need chromium ;;
        # nginx itself (not nginx-light, whose metapackage pins its own module set)
        # and the njs module built for it, which chooses the language at `/`.
        nginx)
            has nginx || need nginx
            [ -e /usr/lib/nginx/modules/ngx_http_js_module.so ] || need libnginx-mod-http-js ;;
        # A self-signed certificate and HTTPS requests, for the TLS tests.
        tls) has openssl || need openssl; has curl || need curl ;;
        # Java runs the Nu HTML Checker, which npm installs (tests/tools).
        java) has java || need default-jre-headless ;;
        npm) has npm || need npm ;;
        wrk) has wrk || need wrk ;;
        # Fonts for the scripts of the UN languages, so that the browser draws Chinese
        # characters, Arabic and Cyrillic letters rather than empty boxes: any
        # installed font that covers the script will do (fc-list says which do).
        fonts)
            has fc-list || need fontconfig
            [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || need fonts-noto-cjk
            { [ -n "$(fc-list :lang=ar 2>/dev/null)" ] && [ -n "$(fc-list :lang=ru 2>/dev/null)" ]; } \
                || need fonts-dejavu-core ;;
        *) echo "scripts/debian-packages.sh: unknown need '$what'" >&2; exit 2 ;;
    esac
done

[ -n "$missing" ] || exit 0
if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "NOTICE: missing Debian packages; install them with: sudo apt-get install --no-install-recommends$missing"
fi
