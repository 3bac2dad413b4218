#!/usr/bin/env bash
# Starts ntfybar under a private Xvfb (with the trayer tray host and the dunst notification daemon) against the
# loopback ntfy test server with sample subscriptions and messages, and saves screenshots of the tray menu and every
# window into docs/screenshots/ (or the folder given). Needs the packages .ci/run installs, plus
# fonts-noto-color-emoji for emoji in the notification daemon and the AWT menu.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -Dntfybar.logdir=target/tour-logs -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  io.ntfybar.app.ScreenshotTour "${1:-docs/screenshots}"
