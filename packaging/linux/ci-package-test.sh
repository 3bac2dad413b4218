#!/usr/bin/env bash
# The packages' end-to-end check, run by .ci/run after `mvn verify` (as root, on Debian): builds the app-image and the
# .deb, checks the .deb's size goal, installs it, starts the INSTALLED app with --smoke-test on a private desktop
# (Xvfb, session bus, trayer) against the loopback test server, publishes and reads back through `ntfybar` from the
# PATH, then uninstalls it and checks that nothing is left. Any failed check stops it with a sentence and exit 1.
#   packaging/linux/ci-package-test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

max_deb_bytes=$((60 * 1000 * 1000)) # the goal: under 60 MB
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
checks=0
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/ntfybar-ci-package.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "ci-package-test: [$(($(date +%s) - started)) s] $*"; }
ok() {
  checks=$((checks + 1))
  step "ok: $*"
}
fail() {
  echo "ci-package-test: FAILED: $*" >&2
  exit 1
}

# ---- lint: the packaging scripts, the macOS ones included, which only a Mac runs
shellcheck --severity=warning packaging/*.sh packaging/linux/*.sh packaging/macos/*.sh icons/generate.sh ||
  fail "shellcheck found problems in the packaging scripts"
shellcheck --severity=warning --shell=sh packaging/linux/postinst packaging/linux/prerm ||
  fail "shellcheck found problems in postinst or prerm"
ok "shellcheck: the packaging scripts"

# ---- build
if dpkg-query -W -f='${Status}' ntfybar 2>/dev/null | grep -q "install ok installed"; then
  step "removing an ntfybar package left from an earlier run"
  $sudo dpkg -r ntfybar >/dev/null
fi
step "building the app-image and the .deb (mvn -Ppackage package)"
mvn -q -Ppackage -DskipTests package
deb=$(ls target/jpackage/out/ntfybar_*.deb)
[ -x target/jpackage/image/ntfybar/bin/ntfybar ] || fail "no app-image launcher"
ok "built $(basename "$deb") and the app-image"

size=$(stat -c %s "$deb")
[ "$size" -lt "$max_deb_bytes" ] || fail "the .deb is $size bytes, over the goal of $max_deb_bytes"
ok "the .deb is $((size / 1000)) kB, under $((max_deb_bytes / 1000)) kB"

# ---- install
step "installing the .deb"
if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$deb" >"$work/apt.log" 2>&1; then
  $sudo apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "./$deb" >"$work/apt.log" 2>&1 ||
    fail "apt-get install ./$deb failed: $(tail -n 5 "$work/apt.log")"
fi
[ "$(readlink /usr/bin/ntfybar)" = /opt/ntfybar/bin/ntfybar ] || fail "/usr/bin/ntfybar is not a link to the launcher"
[ "$(command -v ntfybar)" = /usr/bin/ntfybar ] || fail "ntfybar is not on the PATH"
[ -L /usr/share/applications/ntfybar.desktop ] || fail "no menu entry in /usr/share/applications"
[ -L /usr/share/icons/hicolor/48x48/apps/ntfybar.png ] || fail "no icon in the hicolor theme"
[ -s /opt/ntfybar/lib/app/ntfybar.jsa ] || fail "postinst made no class-data-sharing archive"
ok "installed: /usr/bin/ntfybar, menu entry, icons, CDS archive"

# -Xshare:on makes the JVM refuse to start unless the archive postinst made fits the installed launcher.
JAVA_TOOL_OPTIONS=-Xshare:on ntfybar --version >"$work/version.out" 2>"$work/version.err" ||
  fail "the installed launcher cannot use its CDS archive: $(cat "$work/version.err")"
ok "the launcher maps its class-data-sharing archive ($(head -n 1 "$work/version.out"))"

# A missing or damaged archive only costs start-up time: the launcher starts, and says nothing about it.
jsa=/opt/ntfybar/lib/app/ntfybar.jsa
$sudo mv "$jsa" "$jsa.ci"
for state in missing damaged; do
  if [ "$state" = damaged ]; then head -c 65536 /dev/urandom | $sudo tee "$jsa" >/dev/null; fi
  ntfybar --version >"$work/version.out" 2>"$work/version.err" || fail "with a $state archive the launcher fails"
  [ ! -s "$work/version.err" ] || fail "with a $state archive the launcher prints: $(cat "$work/version.err")"
done
$sudo mv "$jsa.ci" "$jsa"
ok "with a missing or a damaged archive the launcher starts without a word"

# JNA loads its library from the app folder, with nothing to unpack (none is left inside the jar).
/opt/ntfybar/lib/runtime/bin/java -Djna.boot.library.path=/opt/ntfybar/lib/app -Djna.nounpack=true \
  -Djna.tmpdir="$work/jna-tmp" -cp "$(ls /opt/ntfybar/lib/app/jna-[0-9]*.jar)" com.sun.jna.Native >"$work/jna.out" 2>&1 ||
  fail "JNA did not load libjnidispatch from /opt/ntfybar/lib/app: $(cat "$work/jna.out")"
[ ! -e "$work/jna-tmp" ] || fail "JNA unpacked a library into its temporary folder"
ok "JNA loads libjnidispatch from the app folder"

# ---- the installed app, started as a user would, on a private desktop with a tray, against the test server
java -cp "target/classes:target/test-classes:target/jpackage/input/*" io.ntfybar.testserver.Main \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 200); do [ -s "$work/server.out" ] && break; sleep 0.05; done
url=$(head -n 1 "$work/server.out")
[ -n "$url" ] || fail "the test server did not start: $(cat "$work/server.err")"

home="$work/home"
mkdir -p "$home"
step "starting /usr/bin/ntfybar --smoke-test $url"
if ! HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" timeout 120 \
  packaging/linux/desktop-session.sh /usr/bin/ntfybar --smoke-test "$url" >"$work/smoke.out" 2>"$work/smoke.err"; then
  fail "the installed app's smoke test failed: $(cat "$work/smoke.err")"
fi
grep -q "^ntfybar smoke test passed: tray icon added" "$work/smoke.out" ||
  fail "the smoke test did not report the tray: $(cat "$work/smoke.out")"
ok "$(cat "$work/smoke.out")"
wm_class=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/ntfybar.desktop)
grep -q "window class $wm_class " "$work/smoke.out" ||
  fail "the installed app's windows are not classed '$wm_class' as the menu entry's StartupWMClass says"
ok "the installed app's windows are classed '$wm_class', the menu entry's StartupWMClass"
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its libraries into ~/.openjfx"
ok "JavaFX loaded its libraries from the runtime: no ~/.openjfx after a window was open"

# ---- the command line from the PATH
export NTFYBAR_HOME="$work/cli-home"
id=$(HOME="$home" ntfybar publish "$url/ci-package" "published through /usr/bin/ntfybar") ||
  fail "ntfybar publish failed"
HOME="$home" ntfybar subscribe --poll --since=all "$url/ci-package" >"$work/poll.out" ||
  fail "ntfybar subscribe --poll failed"
grep -q "\"id\":\"$id\"" "$work/poll.out" || fail "the server does not have message '$id': $(cat "$work/poll.out")"
ok "ntfybar publish from the PATH reached the test server (message $id)"
unset NTFYBAR_HOME

# ---- uninstall
$sudo dpkg -r ntfybar >"$work/remove.log" 2>&1 || fail "dpkg -r ntfybar failed: $(cat "$work/remove.log")"
for gone in /usr/bin/ntfybar /usr/share/applications/ntfybar.desktop /usr/share/icons/hicolor/48x48/apps/ntfybar.png \
  /opt/ntfybar; do
  if [ -e "$gone" ] || [ -L "$gone" ]; then fail "$gone is still there after dpkg -r"; fi
done
ok "dpkg -r removed the package, the /usr/bin link, the menu entry, the icons and /opt/ntfybar"

step "all $checks checks passed in $(($(date +%s) - started)) s"
