#!/usr/bin/env bash
# Signs ntfybar.app and its .dmg, and has the .dmg notarized and stapled, when the environment names an identity and
# notary credentials; without them it signs ad hoc (so that the bundle's seal matches what jpackage.sh added) and says
# that the build is unsigned. Run by packaging/macos/build-dmg.sh:
#   sign-and-notarize.sh app target/jpackage/image/ntfybar.app
#   sign-and-notarize.sh dmg target/jpackage/out/ntfybar-<version>-<arch>.dmg
#
# Environment (all optional):
#   NTFYBAR_MAC_SIGN_IDENTITY         "Developer ID Application: Name (TEAMID)", in the keychain
#   NTFYBAR_MAC_KEYCHAIN              the keychain that holds it (CI imports the certificate into a temporary one)
#   NTFYBAR_MAC_PROVISIONING_PROFILE  a Developer ID provisioning profile with the Time Sensitive Notifications
#                                     capability; with it the app is signed with entitlements-time-sensitive.plist
#   NTFYBAR_MAC_TEAM_ID               the team of that profile (fills @TEAM_ID@)
#   Notarization, either an App Store Connect API key:
#   NTFYBAR_NOTARY_KEY (path of the .p8), NTFYBAR_NOTARY_KEY_ID, NTFYBAR_NOTARY_ISSUER
#   or an Apple ID with an app-specific password:
#   NTFYBAR_NOTARY_APPLE_ID, NTFYBAR_NOTARY_PASSWORD, NTFYBAR_NOTARY_TEAM_ID
#
# What is signed, innermost first, because notarization rejects any unsigned Mach-O file, also inside a jar: the native
# libraries inside jars (java-keyring's jkeychain), every dylib, jnilib and executable of the runtime and the app
# (JavaFX's libraries in the runtime's lib/, JNA's libjnidispatch beside the jars), the runtime bundle, then the app
# with the hardened runtime and entitlements.plist: allow-jit (HotSpot's compiled code on arm64),
# allow-unsigned-executable-memory (HotSpot's generated code on x86_64) and disable-library-validation (JNA, and
# jkeychain loading its library from a copy in the temporary folder; perhaps unnecessary with everything signed by us,
# to be checked on a Mac).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
say() { echo "sign-and-notarize.sh: $*"; }
fail() { echo "sign-and-notarize.sh: $*" >&2; exit 1; }

[ "$#" -eq 2 ] || fail "usage: sign-and-notarize.sh app|dmg PATH"
what=$1
target=$2
[ -e "$target" ] || fail "$target does not exist"

identity=${NTFYBAR_MAC_SIGN_IDENTITY:-}
keychain=()
if [ -n "${NTFYBAR_MAC_KEYCHAIN:-}" ]; then keychain=(--keychain "$NTFYBAR_MAC_KEYCHAIN"); fi

is_macho() { file -b "$1" | grep -q 'Mach-O'; }

# codesign one file or bundle; with an identity: hardened runtime and a secure timestamp, as notarization requires.
sign() { # path [entitlements]
  if [ -n "$identity" ]; then
    codesign --force --timestamp --options runtime ${keychain[@]+"${keychain[@]}"} --sign "$identity" \
      ${2:+--entitlements "$2"} "$1"
  else
    codesign --force --sign - ${2:+--entitlements "$2"} "$1"
  fi
}

sign_app() {
  local app=$1 tmp entitlements="$here/entitlements.plist" jar entry f
  tmp=$(mktemp -d)
  if [ -n "${NTFYBAR_MAC_PROVISIONING_PROFILE:-}" ]; then
    [ -n "$identity" ] || fail "a provisioning profile needs NTFYBAR_MAC_SIGN_IDENTITY too"
    [ -n "${NTFYBAR_MAC_TEAM_ID:-}" ] || fail "NTFYBAR_MAC_PROVISIONING_PROFILE needs NTFYBAR_MAC_TEAM_ID"
    cp "$NTFYBAR_MAC_PROVISIONING_PROFILE" "$app/Contents/embedded.provisionprofile"
    sed "s/@TEAM_ID@/$NTFYBAR_MAC_TEAM_ID/g" "$here/entitlements-time-sensitive.plist" >"$tmp/entitlements.plist"
    entitlements="$tmp/entitlements.plist"
    say "with the provisioning profile: time-sensitive notifications enabled"
  fi

  # 1. Native libraries inside jars: take each out, sign it, put it back.
  for jar in "$app"/Contents/app/*.jar; do
    for entry in $(unzip -Z1 "$jar" | grep -E '\.(dylib|jnilib|so)$' || true); do
      mkdir -p "$tmp/jar"
      (cd "$tmp/jar" && unzip -q -o "$jar" "$entry")
      if is_macho "$tmp/jar/$entry"; then
        sign "$tmp/jar/$entry"
        (cd "$tmp/jar" && zip -q "$jar" "$entry")
        say "signed $entry inside $(basename "$jar")"
      fi
      rm -rf "$tmp/jar"
    done
  done

  # 2. Every Mach-O file of the bundle but the main launcher; executables get the entitlements.
  find "$app/Contents" -type f ! -path "$app/Contents/MacOS/ntfybar" | while IFS= read -r f; do
    if is_macho "$f"; then
      if [ -x "$f" ] && [[ "$f" != *.dylib && "$f" != *.jnilib ]]; then sign "$f" "$entitlements"; else sign "$f"; fi
    fi
  done
  # 3. The runtime is a bundle of its own (Contents/runtime/Contents/Info.plist), then the app.
  sign "$app/Contents/runtime"
  sign "$app" "$entitlements"
  codesign --verify --deep --strict --verbose=2 "$app"
  rm -rf "$tmp"
}

notarize() {
  local dmg=$1 auth=()
  if [ -n "${NTFYBAR_NOTARY_KEY:-}" ]; then
    auth=(--key "$NTFYBAR_NOTARY_KEY" --key-id "${NTFYBAR_NOTARY_KEY_ID:?}" --issuer "${NTFYBAR_NOTARY_ISSUER:?}")
  elif [ -n "${NTFYBAR_NOTARY_APPLE_ID:-}" ]; then
    auth=(--apple-id "$NTFYBAR_NOTARY_APPLE_ID" --password "${NTFYBAR_NOTARY_PASSWORD:?}"
      --team-id "${NTFYBAR_NOTARY_TEAM_ID:?}")
  else
    say "no notary credentials (NTFYBAR_NOTARY_KEY or NTFYBAR_NOTARY_APPLE_ID): $(basename "$dmg") is signed, not notarized"
    return 0
  fi
  say "notarizing $(basename "$dmg") (xcrun notarytool, waits for Apple's answer)"
  xcrun notarytool submit "$dmg" "${auth[@]}" --wait --timeout 30m --output-format json >"$dmg.notary.json" ||
    fail "notarytool failed: $(cat "$dmg.notary.json")"
  grep -q '"status" *: *"Accepted"' "$dmg.notary.json" ||
    fail "notarization was not accepted: $(cat "$dmg.notary.json"); xcrun notarytool log <id> tells why"
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  say "notarized and stapled $(basename "$dmg")"
}

case "$what" in
  app)
    if [ -z "$identity" ]; then
      say "no NTFYBAR_MAC_SIGN_IDENTITY: signing ad hoc; this build is unsigned for Gatekeeper and cannot be notarized"
    fi
    sign_app "$target"
    ;;
  dmg)
    if [ -z "$identity" ]; then
      say "no NTFYBAR_MAC_SIGN_IDENTITY: $(basename "$target") stays unsigned"
      exit 0
    fi
    sign "$target"
    notarize "$target"
    ;;
  *) fail "usage: sign-and-notarize.sh app|dmg PATH" ;;
esac
