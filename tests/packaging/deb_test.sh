#!/bin/sh
# packaging_test.deb: builds the .deb packages from this build tree with CPack (installing what is
# built, never building), unpacks them with dpkg -x and checks the files, their modes, the
# control fields and the unit with `systemd-analyze verify --root=TREE` (PID 1 need not be
# systemd). Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2

work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-deb-test.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. The packages, into the temporary directory (nothing lands in the build tree).
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
deb=$(ls "$work"/out/kontor_*.deb)
dev=$(ls "$work"/out/kontor-dev_*.deb)

# 2. Control fields.
dpkg-deb -f "$deb" Package | grep -qx kontor || fail "kontor: Package"
dpkg-deb -f "$dev" Package | grep -qx kontor-dev || fail "kontor-dev: Package"
depends=$(dpkg-deb -f "$deb" Depends)
for wanted in libc6 libsqlite3-0 libcurl4 libsystemd0 systemd tzdata fonts-dejavu-core; do
  echo "$depends" | grep -Eq "(^|, )$wanted( |,|$)" || fail "kontor: Depends lacks $wanted: $depends"
done
dpkg-deb -I "$deb" conffiles | grep -qx /etc/kontor/kontor.yaml || fail "kontor: conffiles"
for script in postinst prerm postrm; do
  dpkg-deb -I "$deb" "$script" >/dev/null 2>&1 || fail "kontor: no $script"
done
dpkg-deb -I "$deb" postinst | grep -q 'systemd-sysusers kontor.conf' || fail "postinst: sysusers"
dpkg-deb -I "$deb" postinst | grep -q '\[ -d /run/systemd/system \]' || fail "postinst: guard"

# 3. Files and modes.
tree=$work/tree
dpkg -x "$deb" "$tree"
dpkg -x "$dev" "$work/dev"
check() {  # check MODE PATH...
  mode=$1
  shift
  for path in "$@"; do
    if [ ! -f "$path" ]; then
      fail "missing ${path#"$work"/}"
    elif [ "$(stat -c %a "$path")" != "$mode" ]; then
      fail "${path#"$work"/} has mode $(stat -c %a "$path"), not $mode"
    fi
  done
}
check 755 "$tree/usr/bin/kontord" "$tree/usr/bin/kontorctl"
check 644 "$tree/lib/systemd/system/kontord.service" \
  "$tree/usr/lib/sysusers.d/kontor.conf" "$tree/usr/lib/tmpfiles.d/kontor.conf" \
  "$tree/etc/kontor/kontor.yaml" "$tree/usr/share/man/man8/kontord.8.gz" \
  "$tree/usr/share/man/man1/kontorctl.1.gz" "$tree/usr/share/doc/kontor/copyright" \
  "$tree/usr/share/doc/kontor/README.md"
for page in "$tree/usr/share/man/man8/kontord.8.gz" "$tree/usr/share/man/man1/kontorctl.1.gz"; do
  gzip -t "$page" || fail "${page#"$work"/} is no gzip file"
done
cmp -s "$tree/lib/systemd/system/kontord.service" "$source/packaging/kontord.service" ||
  fail "the packaged unit differs from packaging/kontord.service"

# Every plugin the tree installs, in the directory the shipped configuration names.
plugin_dir=$(sed -n 's/^  plugin_dir: //p' "$tree/etc/kontor/kontor.yaml")
[ -n "$plugin_dir" ] || fail "kontor.yaml names no plugin_dir"
for rules in "$source"/plugins/*/CMakeLists.txt; do
  name=$(sed -n 's/^install(TARGETS \(kontor-[a-z0-9-]*\) .*/\1/p' "$rules")
  [ -z "$name" ] || check 644 "$tree$plugin_dir/$name.so"
done
[ -z "$(find "$tree" -name '*.a' -o -path '*/include/*')" ] || fail "SDK files in kontor"

check 644 "$work/dev/usr/include/kontor/plugin_abi.h" "$work/dev/usr/include/kontor/version.hpp"
for file in KontorSDKConfig.cmake KontorSDKConfigVersion.cmake KontorSDKTargets.cmake \
  KontorPlugin.cmake; do
  [ -n "$(find "$work/dev/usr/lib" -path "*/cmake/KontorSDK/$file")" ] ||
    fail "kontor-dev lacks $file"
done
[ -n "$(find "$work/dev/usr/lib" -name libkontor_sdk.a)" ] || fail "kontor-dev lacks libkontor_sdk.a"
[ -z "$(find "$work/dev" -path '*/bin/*' -o -name '*.so')" ] || fail "binaries in kontor-dev"

# 4. The shipped configuration is valid, checked by the packaged kontorctl with the packaged
# plugins (the plugin directory pointed into the tree).
sed "s|^  plugin_dir: .*|  plugin_dir: $tree$plugin_dir|" "$tree/etc/kontor/kontor.yaml" \
  >"$work/kontor.yaml"
"$tree/usr/bin/kontorctl" check-config "$work/kontor.yaml" >"$work/check.log" 2>&1 ||
  { cat "$work/check.log" >&2; fail "the shipped kontor.yaml is invalid"; }

# 5. The unit in the unpacked tree, with the system's targets beside it. verify also runs `man`
# on each Documentation= page: MANPATH makes it find the packaged pages.
cp /lib/systemd/system/*.target "$tree/lib/systemd/system/"
if ! MANPATH="$tree/usr/share/man" systemd-analyze verify --root="$tree" kontord.service \
  >"$work/verify.log" 2>&1; then
  cat "$work/verify.log" >&2
  fail "systemd-analyze verify --root=TREE kontord.service"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "kontor and kontor-dev packages: all checks passed"
