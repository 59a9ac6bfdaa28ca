#!/usr/bin/env bash
# Builds the root filesystem the container image starts from, out of this machine's own JDK and Debian libraries, so
# no container registry is needed: a jlink'ed Java runtime in /opt/java, the shared libraries it links against, a
# non-root user (meshplane, uid 65532) and /tmp. Usage: scripts/image-rootfs.sh <output-dir>. Reuses a finished
# output made from the same JDK and modules.
set -euo pipefail
out=${1:?usage: scripts/image-rootfs.sh <output-dir>}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# java.se because config/jvm.options (the image's JVM flags too) adds it for Hazelcast; the rest are the JDK modules
# the node reaches by reflection or service lookup (EC TLS, JMX extensions, DNS for Kubernetes discovery, zip fs).
modules=java.se,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
stamp="$modules $(readlink -f "$java_home")"
if [ -f "$out/.built-from" ] && [ "$(cat "$out/.built-from")" = "$stamp" ]; then
  exit 0
fi
if [ ! -d "$java_home/jmods" ]; then
  echo "image-rootfs: $java_home has no jmods/ (Debian: apt-get install openjdk-17-jmods)" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/lib64" "$out/lib/x86_64-linux-gnu" "$out/home/meshplane"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$out/opt/java"
# every library the runtime's native code links against, as a regular file where the loader looks for it; the
# desktop libraries (AWT, fonts, sound, images) stay out, since a headless server never loads them
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -not -regex '.*/lib\(awt\|jawt\|fontmanager\|jsound\|splashscreen\|lcms\|javajpeg\|mlib_image\).*' \
  -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$out" | sort -u \
  | while read -r lib; do cp -L "$lib" "$out/lib/x86_64-linux-gnu/"; done
cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"
printf 'root:x:0:0:root:/root:/sbin/nologin\nmeshplane:x:65532:65532:meshplane:/home/meshplane:/sbin/nologin\n' \
  >"$out/etc/passwd"
printf 'root:x:0:\nmeshplane:x:65532:\n' >"$out/etc/group"
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
echo "$stamp" >"$out/.built-from"
