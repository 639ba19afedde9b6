#!/usr/bin/env bash
# Packs PyInstaller's "TSN Desktop.app" (installers/tsn_desktop.spec, BUNDLE) into a .dmg
# with an Applications link to drag it onto. Run by build_installer.py on macOS:
#   bash installers/macos/build_dmg.sh "dist/TSN Desktop.app" dist/tsn-desktop-0.1.0.dmg 0.1.0
# Signing: set TSN_CODESIGN_IDENTITY ("Developer ID Application: ...") to sign the app with
# the hardened runtime; notarize the .dmg afterwards (xcrun notarytool submit --wait, then
# xcrun stapler staple). Unsigned, Gatekeeper asks the user to confirm the first start.
set -euo pipefail
app="$1"; out="$2"; version="$3"
[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${TSN_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" --sign "$TSN_CODESIGN_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$out"
hdiutil create -volname "TSN Desktop $version" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$out"
if [ -n "${TSN_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$TSN_CODESIGN_IDENTITY" "$out"
fi
echo "$out"
