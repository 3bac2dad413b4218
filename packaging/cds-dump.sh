#!/bin/sh
# Makes ntfybar's class-data-sharing archive for an installed app image, where it is installed:
#   cds-dump.sh JAVA APP_DIR
# JAVA is the image's own runtime (lib/runtime/bin/java; on macOS Contents/runtime/Contents/Home/bin/java) and APP_DIR
# the launcher's $APPDIR (lib/app; Contents/app), which holds ntfybar.cfg, the jars and ntfybar.classlist (the classes
# a start loads, recorded when the package was built). Writes APP_DIR/ntfybar.jsa, which the launcher passes with
# -XX:SharedArchiveFile. A JDK 17 archive is valid only for the class path it was made with, so it is made for the
# installed paths: by the .deb's postinst, and for the app-image and the macOS app by packaging/jpackage.sh. The JVM
# ignores a missing or unusable archive without a word and starts a little slower, so a failure here only warns.
# POSIX sh: the .deb's postinst runs it with dash.
set -u

java=$1
app=$2
cfg="$app/ntfybar.cfg"
list="$app/ntfybar.classlist"
jsa="$app/ntfybar.jsa"

if [ ! -x "$java" ] || [ ! -r "$cfg" ] || [ ! -r "$list" ]; then
  echo "ntfybar: no class-data-sharing archive made (missing $java, $cfg or $list); ntfybar starts without one" >&2
  exit 0
fi

# The launcher's class path: the app.classpath lines of the .cfg in order, $APPDIR being the app folder.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$app|g" | paste -s -d : -)
# The options that decide the archive's layout must match the launcher's (heap size, collector): take them from the
# .cfg's [JavaOptions], all but the archive itself.
options=$(sed -n 's/^java-options=//p' "$cfg" | grep -E '^-X(mx|ms|ss)|^-XX:\+Use[A-Za-z]+GC$' | tr '\n' ' ')

rm -f "$jsa"
# shellcheck disable=SC2086 # the options are single words
if "$java" $options -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa" \
  -cp "$classpath" -Xlog:cds=off -Xlog:cds+dynamic=off >"$app/ntfybar.jsa.log" 2>&1; then
  rm -f "$app/ntfybar.jsa.log"
else
  echo "ntfybar: making the class-data-sharing archive failed (see $app/ntfybar.jsa.log); ntfybar starts without one" >&2
  rm -f "$jsa"
fi
exit 0
