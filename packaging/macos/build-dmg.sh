#!/usr/bin/env bash
# The macOS half of packaging/jpackage.sh, after the app image target/jpackage/image/ntfybar.app is built:
#   build-dmg.sh VERSION ARCH
# 1. the class-data-sharing archive for /Applications/ntfybar.app, where the .dmg tells users to put the app (a JDK 17
#    archive is valid only for the class path it was made with; elsewhere the app starts without it, a little slower);
# 2. signing (sign-and-notarize.sh app); 3. the .dmg (jpackage), named ntfybar-VERSION-ARCH.dmg; 4. signing,
#    notarization and stapling of the .dmg (sign-and-notarize.sh dmg). JAVA_HOME as for jpackage.sh. bash 3.2.
set -euo pipefail

[ "$#" -eq 2 ] || { echo "usage: build-dmg.sh VERSION ARCH" >&2; exit 2; }
version=$1
arch=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
t="$root/target/jpackage"
app="$t/image/ntfybar.app"
say() { echo "build-dmg.sh: $*"; }

# 1. The archive is made in a copy at the install location, then copied into the image before it is signed.
stage=${NTFYBAR_CDS_STAGE:-/Applications/ntfybar.app}
if [ ! -s "$app/Contents/app/ntfybar.classlist" ]; then
  say "WARNING: no class list, so no class-data-sharing archive"
elif [ -e "$stage" ] || ! mkdir "$stage" 2>/dev/null; then
  say "WARNING: $stage exists or cannot be made, so no class-data-sharing archive (set NTFYBAR_CDS_STAGE)"
else
  rmdir "$stage"
  ditto "$app" "$stage"
  sh "$root/packaging/cds-dump.sh" "$stage/Contents/runtime/Contents/Home/bin/java" "$stage/Contents/app"
  if [ -s "$stage/Contents/app/ntfybar.jsa" ]; then
    cp "$stage/Contents/app/ntfybar.jsa" "$app/Contents/app/ntfybar.jsa"
    say "class-data-sharing archive for $stage: $(du -k "$app/Contents/app/ntfybar.jsa" | cut -f1) kB"
  fi
  rm -rf "$stage"
fi

# 2. Sign the app (ad hoc without an identity).
"$here/sign-and-notarize.sh" app "$app"

# 3. The .dmg. jpackage refuses a macOS version whose first number is 0; the version it is given here only names its
# output, which is renamed (the app's own version strings are in its Info.plist).
jp_version=$version
case "$version" in 0.*) jp_version=1.0 ;; esac
rm -rf "$t/out" "$t/dmg"
mkdir -p "$t/out"
"$JAVA_HOME/bin/jpackage" --type dmg --app-image "$app" --dest "$t/dmg" --name ntfybar --app-version "$jp_version" \
  --mac-package-identifier io.ntfybar.app --vendor ntfybar
dmg="$t/out/ntfybar-$version-$arch.dmg"
mv "$t/dmg/ntfybar-$jp_version.dmg" "$dmg"
say "dmg: $dmg ($(du -k "$dmg" | cut -f1) kB)"

# 4. Sign, notarize and staple the .dmg when the environment allows.
"$here/sign-and-notarize.sh" dmg "$dmg"
