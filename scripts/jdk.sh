# Sourced by .ci/run and run-local.sh: exports JAVA_HOME (and PATH) for a JDK 21 or newer, or fails with a clear
# message. Prefers JAVA_HOME, then the java on PATH, then the JDKs under /usr/lib/jvm.

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

pick_jdk() {
  local on_path candidate
  on_path="$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  for candidate in "${JAVA_HOME:-}" "$on_path" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(pick_jdk)"; then
  echo "No JDK 21+ found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm/*). Install one, e.g. Temurin 21." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
