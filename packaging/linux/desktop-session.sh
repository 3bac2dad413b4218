#!/usr/bin/env bash
# Runs a command on a private Linux desktop and returns its exit code: an Xvfb display that picks a free number
# itself, a D-Bus session bus, and the trayer system-tray host when it is installed (as the tests' DesktopSession
# does, in shell). Everything it started is stopped afterwards. Used by packaging/jpackage.sh (the class-data-sharing
# training run) and packaging/linux/ci-package-test.sh.
#   packaging/linux/desktop-session.sh [--no-tray] COMMAND [ARGS...]
set -euo pipefail

tray=1
if [ "${1:-}" = "--no-tray" ]; then
  tray=0
  shift
fi
[ "$#" -gt 0 ] || { echo "usage: desktop-session.sh [--no-tray] COMMAND [ARGS...]" >&2; exit 2; }
for program in Xvfb dbus-daemon; do
  command -v "$program" >/dev/null || { echo "desktop-session.sh: $program is not installed" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/ntfybar-desktop.XXXXXX")
pids=()
# shellcheck disable=SC2317 # run by the trap
cleanup() {
  local p
  for p in ${pids[@]+"${pids[@]}"}; do
    kill "$p" 2>/dev/null || true
  done
  for p in ${pids[@]+"${pids[@]}"}; do
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$dir"
}
trap cleanup EXIT

await() { # what seconds test-command...
  local what=$1 seconds=$2 i=0
  shift 2
  until "$@"; do
    i=$((i + 1))
    if [ "$i" -gt $((seconds * 20)) ]; then
      echo "desktop-session.sh: $what did not start within $seconds s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# -displayfd: Xvfb chooses a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
pids+=("$!")
await Xvfb 10 test -s "$dir/display"
DISPLAY=":$(head -n 1 "$dir/display")"
export DISPLAY

dbus-daemon --session --fork --print-address=1 --print-pid=1 --address="unix:tmpdir=$dir" >"$dir/bus"
await dbus-daemon 10 test "$(wc -l <"$dir/bus")" -ge 2
DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$dir/bus")
export DBUS_SESSION_BUS_ADDRESS
pids+=("$(sed -n 2p "$dir/bus")")

if [ "$tray" = 1 ] && command -v trayer >/dev/null; then
  trayer --edge bottom --align left --widthtype pixel --width 200 --heighttype pixel --height 32 \
    --transparent false --tint 0x444444 >"$dir/trayer.log" 2>&1 &
  pids+=("$!")
  if command -v xwininfo >/dev/null; then
    await trayer 10 sh -c 'xwininfo -root -tree | grep -q panel'
  else
    sleep 1
  fi
fi

set +e
"$@"
code=$?
set -e
exit "$code"
