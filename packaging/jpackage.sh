#!/usr/bin/env bash
# Builds ntfybar's packages with jlink and jpackage; `mvn -Ppackage package` runs it after the app jar
# (target/ntfybar-app.jar) and the runtime dependencies (target/jpackage/deps) are in place:
#   packaging/jpackage.sh VERSION TYPE...      TYPE: app-image, deb (Linux), dmg (macOS)
# JAVA_HOME is the JDK whose jdeps, jlink and jpackage are used (Maven passes its own). Output in target/jpackage/:
#   runtime/        the trimmed Java runtime with JavaFX as modules and its native libraries in lib/
#   image/          the app image (ntfybar/ on Linux, ntfybar.app on macOS)
#   out/            ntfybar_<version>_<arch>.deb, ntfybar-<version>-<arch>.dmg
# Nothing is unpacked when the app runs: JavaFX loads its libraries from the runtime's lib/, JNA its libjnidispatch
# from the app folder ($APPDIR). The class-data-sharing class list comes from one run of the built image with
# --smoke-test (on a private Xvfb on Linux, against the loopback test server when the test classes are built).
# docs/decisions/0015-packaging-with-jlink-and-jpackage.md says why it is done this way. Runs on bash 3.2 (macOS).
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: packaging/jpackage.sh VERSION TYPE..." >&2; exit 2; }
version=$1
shift
types=" $* "

root=$(cd "$(dirname "$0")/.." && pwd)
t="$root/target/jpackage"
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK with jlink and jpackage}
say() { echo "jpackage.sh: $*"; }
fail() { echo "jpackage.sh: $*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  *) fail "packages are built on Linux and macOS only, not on $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 jna_dir=x86-64 ;;
  arm64 | aarch64) arch=arm64 jna_dir=aarch64 ;;
  *) fail "unknown architecture $(uname -m)" ;;
esac
if [ "$os" = linux ]; then
  native=so jna_platform="linux-$jna_dir"
else
  native=dylib jna_platform="darwin-$jna_dir"
fi
numeric=${version%%-*} # 0.1.0-SNAPSHOT -> 0.1.0: jpackage takes one to three numbers

[ -f "$root/target/ntfybar-app.jar" ] || fail "target/ntfybar-app.jar is missing: run mvn -Ppackage package"
[ -d "$t/deps" ] || fail "target/jpackage/deps is missing: run mvn -Ppackage package"
rm -rf "$t/input" "$t/javafx" "$t/runtime" "$t/image" "$t/out" "$t/cds" "$t/resources"
mkdir -p "$t/input" "$t/javafx" "$t/out" "$t/cds" "$t/resources"

# ---- 1. The app's jars: JavaFX's platform jars (modular, natives inside) go into the runtime, the rest on the class
# path. JavaFX's classifier-less jars are empty stand-ins that only pick the platform jar.
cp "$root/target/ntfybar-app.jar" "$t/input/ntfybar.jar"
for jar in "$t"/deps/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*)
      if unzip -l "$jar" module-info.class >/dev/null 2>&1; then cp "$jar" "$t/javafx/"; fi
      ;;
    *) cp "$jar" "$t/input/" ;;
  esac
done
ls "$t"/javafx/javafx-graphics-*.jar >/dev/null 2>&1 || fail "no JavaFX platform jars in target/jpackage/deps"

# JNA: its libjnidispatch for this platform beside the jars ($APPDIR, where -Djna.boot.library.path points), and no
# native library left inside the jar (nothing to unpack at run time, nothing unsigned for macOS's notarization).
jna=$(ls "$t"/input/jna-[0-9]*.jar)
jna_lib=$(unzip -Z1 "$jna" | grep "^com/sun/jna/$jna_platform/" | grep jnidispatch) || fail "JNA has no $jna_platform library"
unzip -q -j -o "$jna" "$jna_lib" -d "$t/input"
zip -q -d "$jna" 'com/sun/jna/*/*jnidispatch*' >/dev/null
if unzip -Z1 "$jna" | grep -q jnidispatch; then fail "native libraries are still inside $(basename "$jna")"; fi
say "JNA: $(basename "$jna_lib") in the app folder, none left in $(basename "$jna")"

# ---- 2. The runtime: the modules jdeps finds, plus what is reached only by reflection or service lookup (TLS with
# elliptic curves, JNDI/DNS, sun.misc.Unsafe, locale data for dates in the user's language).
modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 -q \
  --module-path "$t/javafx:$t/input" --class-path "$t/input/*" "$t"/input/*.jar)
modules="$modules,jdk.crypto.ec,java.naming,jdk.unsupported,jdk.localedata"
say "modules: $modules"
locales=en,de,fr,es,it,pt,nl,da,sv,nb,nn,no,fi,is,pl,cs,sk,hu,ro,bg,el,hr,sl,sr,uk,ru,tr,he,ar,fa,hi,ja,ko,zh,id,vi,th,ca,et,lv,lt
# Left out: JavaFX's libraries from inside its jars (copied to lib/ below), the sound and splash-screen libraries
# (no sound through Java, no splash screen; they would make the .deb depend on ALSA and giflib).
"$jdk/bin/jlink" --module-path "$jdk/jmods:$t/javafx" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --include-locales="$locales" \
  --exclude-resources='**.so,**.dylib,**.dll' \
  --exclude-files='**libjsound.so,**libjsound.dylib,**libsplashscreen.so,**libsplashscreen.dylib' \
  --output "$t/runtime"
# JavaFX's libraries into the runtime's lib/: JavaFX loads them from there when it runs as modules of the runtime.
for jar in "$t"/javafx/*.jar; do
  libs=$(unzip -Z1 "$jar" | grep -E "^[^/]+\\.$native\$" || true)
  for lib in $libs; do
    unzip -q -o "$jar" "$lib" -d "$t/runtime/lib"
  done
done
say "runtime: $(du -sh "$t/runtime" | cut -f1), JavaFX libraries: $(find "$t/runtime/lib" -maxdepth 1 \( -name '*javafx*' -o -name '*glass*' -o -name '*prism*' \) -exec basename {} \; | sort | tr '\n' ' ')"

# ---- 3. The launcher's options: packaging/java-options.txt, JNA from the app folder, the class-data-sharing archive.
options=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  options+=(--java-options "$line")
done <"$root/packaging/java-options.txt"
# $APPDIR is for the launcher to replace, not the shell.
# shellcheck disable=SC2016
options+=(--java-options '-Djna.boot.library.path=$APPDIR' --java-options -Djna.nounpack=true)
# JavaFX is a named module in this runtime: FxRuntime names the windows' X11 class through glass (no public API).
options+=(--java-options --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED)
# shellcheck disable=SC2016
options+=(--java-options -Xshare:auto --java-options '-XX:SharedArchiveFile=$APPDIR/ntfybar.jsa')

common=(--name ntfybar --vendor ntfybar --copyright "Copyright ntfybar contributors, Apache-2.0"
  --description "Menu-bar and tray client and command line for ntfy")

if [ "$os" = mac ]; then
  options+=(--java-options -Dapple.awt.enableTemplateImages=true --java-options -Dapple.awt.UIElement=true)
  # No --app-version on macOS: jpackage refuses one whose first number is 0 (as 0.1.0), and the bundle's version
  # strings come from our Info.plist anyway.
  sed -e "s/@VERSION@/$numeric/g" "$root/packaging/macos/Info.plist" >"$t/resources/Info.plist"
  platform=(--icon "$root/icons/app.icns" --resource-dir "$t/resources" --mac-package-identifier io.ntfybar.app
    --mac-package-name ntfybar)
  app="$t/image/ntfybar.app/Contents/app"
  java="$t/image/ntfybar.app/Contents/runtime/Contents/Home/bin/java"
  launcher="$t/image/ntfybar.app/Contents/MacOS/ntfybar"
else
  common+=(--app-version "$numeric")
  platform=(--icon "$root/icons/linux/hicolor/256x256/apps/ntfybar.png")
  app="$t/image/ntfybar/lib/app"
  java="$t/image/ntfybar/lib/runtime/bin/java"
  launcher="$t/image/ntfybar/bin/ntfybar"
fi

"$jdk/bin/jpackage" --type app-image --dest "$t/image" --input "$t/input" --main-jar ntfybar.jar \
  --main-class io.ntfybar.app.Main --runtime-image "$t/runtime" "${common[@]}" "${platform[@]}" "${options[@]}"
[ -x "$launcher" ] || fail "jpackage made no launcher $launcher"

if [ "$os" = linux ]; then
  # What the .deb's postinst links into /usr: the menu entry, the icons and the script that makes the CDS archive.
  share="$t/image/ntfybar/lib/share"
  mkdir -p "$share/applications" "$share/icons"
  cp "$root/packaging/linux/ntfybar.desktop" "$share/applications/"
  cp -R "$root/icons/linux/hicolor" "$share/icons/"
  cp "$root/packaging/cds-dump.sh" "$t/image/ntfybar/lib/cds-dump.sh"
  chmod 755 "$t/image/ntfybar/lib/cds-dump.sh"
fi

# ---- 4. The class list for class-data sharing: one run of the built image through the smoke test.
training() {
  local server=()
  local server_pid=""
  if [ -f "$root/target/test-classes/io/ntfybar/testserver/Main.class" ]; then
    "$jdk/bin/java" -cp "$root/target/classes:$root/target/test-classes:$t/input/*" io.ntfybar.testserver.Main \
      >"$t/cds/server.out" 2>"$t/cds/server.err" &
    server_pid=$!
    local i=0
    while [ ! -s "$t/cds/server.out" ] && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    server=("$(head -n 1 "$t/cds/server.out")")
  fi
  local code=0
  # A home folder of its own, so that the run leaves nothing in the builder's and shows whether JavaFX or JNA
  # unpacked anything (JavaFX would into ~/.openjfx). Java takes user.home from the password database, not $HOME.
  local opts="-XX:DumpLoadedClassList=$t/cds/ntfybar.classlist -Duser.home=$t/cds/home"
  mkdir -p "$t/cds/home"
  if [ "$os" = linux ]; then
    JAVA_TOOL_OPTIONS="$opts" HOME="$t/cds/home" \
      "$root/packaging/linux/desktop-session.sh" "$launcher" --smoke-test ${server[@]+"${server[@]}"} || code=$?
  else
    JAVA_TOOL_OPTIONS="$opts" HOME="$t/cds/home" "$launcher" --smoke-test ${server[@]+"${server[@]}"} || code=$?
  fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  return "$code"
}
if [ "$os" = linux ] && ! { command -v Xvfb && command -v dbus-daemon; } >/dev/null; then
  say "WARNING: no Xvfb or dbus-daemon, so no start-up run and no class-data-sharing archive (apt-get install xvfb dbus)"
else
  training || fail "the built app failed its smoke test (the class-data-sharing training run)"
  [ -s "$t/cds/ntfybar.classlist" ] || fail "the training run wrote no class list"
  if [ -e "$t/cds/home/.openjfx" ]; then fail "JavaFX unpacked its libraries into ~/.openjfx: they must load from the runtime"; fi
  cp "$t/cds/ntfybar.classlist" "$app/ntfybar.classlist"
  say "class list: $(wc -l <"$app/ntfybar.classlist" | tr -d ' ') classes"
fi

# ---- 5. Packages.
# The Debian packages that provide the libraries the image's own native code links directly (its ELF files' NEEDED
# entries, as dpkg-shlibdeps reads them), not everything those pull in, as jpackage's own list does.
deb_depends() {
  command -v objdump >/dev/null || fail "objdump is missing (apt-get install binutils)"
  local f lib path pkg candidate
  find "$t/image/ntfybar" -type f | while IFS= read -r f; do
    if [ "$(od -An -tx1 -N4 "$f" | tr -d ' \n')" = 7f454c46 ]; then objdump -p "$f" | awk '$1 == "NEEDED" { print $2 }'; fi
  done | sort -u | while IFS= read -r lib; do
    if [ -n "$(find "$t/image/ntfybar" -name "$lib")" ]; then continue; fi
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
    [ -n "$path" ] || fail "no library $lib on this machine, so the .deb cannot name its package"
    pkg=""
    for candidate in "$path" "$(readlink -f "$path")" "/usr$path" "${path#/usr}"; do
      pkg=$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$pkg" ] && break
    done
    [ -n "$pkg" ] || fail "no Debian package owns $path"
    echo "$pkg"
  done | sort -u | paste -s -d, - | sed 's/,/, /g'
}

if [ "$os" = linux ]; then
  if [[ "$types" == *" deb "* ]]; then
    depends=$(deb_depends)
    sed "s/^Depends: .*/Depends: $depends/" "$root/packaging/linux/control" >"$t/resources/control"
    cp "$root"/packaging/linux/postinst "$root"/packaging/linux/prerm "$t/resources/"
    "$jdk/bin/jpackage" --type deb --app-image "$t/image/ntfybar" --dest "$t/out" "${common[@]}" \
      --resource-dir "$t/resources" --linux-package-name ntfybar --linux-app-category net \
      --linux-deb-maintainer "${NTFYBAR_MAINTAINER_EMAIL:-maintainers@ntfybar.invalid}" --license-file "$root/LICENSE"
    deb=$(ls "$t"/out/ntfybar_*.deb)
    say "deb: $(basename "$deb"), $(du -k "$deb" | cut -f1) kB; Depends: $(dpkg-deb -f "$deb" Depends)"
  fi
  # The app image itself gets its archive made for where it is now (the .deb makes its own when installed).
  if [ -s "$app/ntfybar.classlist" ]; then
    sh "$root/packaging/cds-dump.sh" "$java" "$app"
    [ -s "$app/ntfybar.jsa" ] && say "app-image: $app/ntfybar.jsa, $(du -k "$app/ntfybar.jsa" | cut -f1) kB"
  fi
  say "app-image: $t/image/ntfybar ($(du -sh "$t/image/ntfybar" | cut -f1))"
else
  "$root/packaging/macos/build-dmg.sh" "$numeric" "$arch"
fi
