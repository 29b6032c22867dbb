#!/usr/bin/env bash
# Shared helpers for Airlock's scripts. Source it; do not run it.

# Prints an error and exits.
die() {
  echo "airlock: $*" >&2
  exit 1
}

# Installs the given Debian packages when any of them is missing (root needed then).
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); install them as root: apt-get install ${missing[*]}"
  echo "airlock: installing ${missing[*]}" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >&2; then
    apt-get update -q >&2 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >&2 \
      || die "could not install ${missing[*]}"
  fi
}

# The major version of the JDK at $1 (its home), or nothing.
jdk_major() {
  local release="$1/release" version
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  fi
  echo "$version"
}

# Exports JAVA_HOME as a JDK >= 21: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
# The gateway needs a JDK 25 or newer to run: from 24 on, a virtual thread blocked inside `synchronized`
# (as Commons Net's Telnet reader and other libraries do) no longer pins its carrier thread, so idle
# sessions cannot starve the rest. The code itself is Java 21.
readonly MIN_JDK=25

select_jdk() {
  local best="" best_major=0 home major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$MIN_JDK" ]; then
      export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  for home in /usr/lib/jvm/*; do
    [ -L "$home" ] && continue
    major=$(jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$MIN_JDK" ] && [ "$major" -gt "$best_major" ]; then
      best=$home best_major=$major
    fi
  done
  [ -n "$best" ] || die "no JDK ${MIN_JDK} or newer found (JAVA_HOME=${JAVA_HOME:-unset}, none under /usr/lib/jvm). Install one, e.g. apt-get install openjdk-25-jdk-headless (or Temurin 25), or set JAVA_HOME to it."
  export JAVA_HOME="$best" PATH="$best/bin:$PATH"
}

require_build_tools() {
  command -v mvn >/dev/null || die "Maven is missing: install it (apt-get install maven)."
  command -v npm >/dev/null || die "npm is missing: Node.js 20+ and npm are needed to build the web UI."
}

# What the gateway host needs to open RDP sessions: an Xvnc per session, with xfreerdp inside it.
RDP_PACKAGES=(tigervnc-standalone-server freerdp2-x11)

# Says whether RDP sessions can open on this host (the programs the gateway looks for on PATH); the
# gateway starts either way.
report_rdp_prerequisites() {
  local missing=() program
  for program in Xvnc xfreerdp; do
    command -v "$program" >/dev/null 2>&1 || missing+=("$program")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "airlock: RDP sessions available (Xvnc and xfreerdp found)" >&2
  else
    echo "airlock: RDP sessions will not open: ${missing[*]} missing" \
      "(install: apt-get install ${RDP_PACKAGES[*]})" >&2
  fi
}
