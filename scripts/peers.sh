#!/usr/bin/env bash
# Starts, stops and reports the real protocol servers the "peers" tests talk to:
# OpenSSH, busybox telnetd, TigerVNC Xvnc and FreeRDP's shadow server, all on 127.0.0.1 only.
#
#   scripts/peers.sh start    install what is missing, start what is not running, write peers.env
#   scripts/peers.sh stop     stop only the processes this script started
#   scripts/peers.sh status   one line per peer
#
# State (PIDs, configs, keys, secrets, logs) lives in ${AIRLOCK_PEERS_DIR:-<repo>/.peers}.
# Needs root: it installs Debian packages, creates the test user and runs sshd.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_DIR
readonly STATE_DIR="${AIRLOCK_PEERS_DIR:-${REPO_DIR}/.peers}"
readonly RUN_DIR="${STATE_DIR}/run"
readonly LOG_DIR="${STATE_DIR}/logs"
readonly SECRETS_DIR="${STATE_DIR}/secrets"

readonly PEER_HOST=127.0.0.1
readonly PEER_USER=airlock-peer
readonly SSH_PORT=2222
readonly TELNET_PORT=2323
readonly VNC_DISPLAY=1
readonly VNC_PORT=$((5900 + VNC_DISPLAY))
readonly RDP_DISPLAY=10
readonly RDP_PORT=3389
readonly WAIT_SECONDS=20
readonly STOP_WAIT_SECONDS=5
# The text the VNC peer's xterm shows, so graphical tests have known content to look for.
readonly VNC_XTERM_TEXT='AIRLOCK VNC TEST PEER'

readonly PACKAGES=(
  iproute2 # ss, to name whatever already holds a port we need
  openssh-server
  tigervnc-standalone-server tigervnc-tools x11-xserver-utils xterm
  x11-apps xdotool # xwd screenshots and a window moved about, for the recording fidelity test
  xvfb freerdp2-shadow-x11 winpr-utils
)

# Secrets and keys are written here; nothing in the state dir needs to be readable by others.
umask 077

log() { printf 'peers: %s\n' "$*"; }
die() {
  printf 'peers: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  printf 'usage: %s start|stop|status\n' "$0" >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# Processes we own: one PID file per process, each started with setsid so that it leads its own
# process group and stop takes any helper processes it forked down with it.

pid_file() { printf '%s/%s.pid' "${RUN_DIR}" "$1"; }

# Prints field 5 of /proc/PID/stat: the process group.
process_group() {
  local stat pgid
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }" # the command name in parentheses may itself contain spaces
  read -r _ _ pgid _ <<<"${stat}"
  printf '%s' "${pgid}"
}

# True while PID runs. Daemons we start are reparented to PID 1, which may reap them seconds after
# they exit; kill -0 succeeds on such a zombie, so the state in /proc/PID/stat decides.
process_alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }" # the command name in parentheses may itself contain spaces
  [[ "${stat:0:1}" != Z ]]
}

# Prints the PID of process NAME if its PID file names a live process whose command is still
# EXPECTED (guards against a recycled PID after a reboot or a crash).
owned_pid() {
  local name="$1" expected="$2" file pid comm
  file="$(pid_file "${name}")"
  [[ -f "${file}" ]] || return 1
  pid="$(<"${file}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && process_alive "${pid}" || return 1
  comm="$(cat "/proc/${pid}/comm" 2>/dev/null)" || return 1
  # /proc/PID/comm holds at most 15 characters of the executable's name.
  [[ "${comm}" == "${expected:0:15}" ]] || return 1
  printf '%s' "${pid}"
}

# Starts COMMAND... detached in its own session with output to LOG and records its PID as NAME.
spawn() {
  local name="$1" log_file="$2"
  shift 2
  setsid "$@" </dev/null >"${log_file}" 2>&1 &
  printf '%s\n' "$!" >"$(pid_file "${name}")"
}

# Stops process NAME if it is ours: TERM to its process group, KILL after a bounded wait.
stop_process() {
  local name="$1" expected="$2" pid target waited=0
  if pid="$(owned_pid "${name}" "${expected}")"; then
    # setsid makes the process its own group leader; fall back to the single PID if it is not.
    if [[ "$(process_group "${pid}" || true)" == "${pid}" ]]; then target="-${pid}"; else target="${pid}"; fi
    kill -TERM -- "${target}" 2>/dev/null || true
    while process_alive "${pid}" && ((waited < STOP_WAIT_SECONDS * 10)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if process_alive "${pid}"; then
      log "${name} (pid ${pid}) ignored TERM for ${STOP_WAIT_SECONDS} s; killing it"
      kill -KILL -- "${target}" 2>/dev/null || true
      sleep 0.5
      # Keep the PID file of a process that survived, so status still shows it.
      process_alive "${pid}" && die "could not stop ${name} (pid ${pid}); see ${LOG_DIR}"
    fi
  fi
  rm -f "$(pid_file "${name}")"
}

port_open() {
  # A plain TCP connect: succeeds only when something accepts on the port.
  timeout 2 bash -c "exec 3<>/dev/tcp/${PEER_HOST}/$1" 2>/dev/null
}

# Fails if anything that is not ours already listens on PORT, naming the listener if ss can.
require_port_free() {
  local peer="$1" port="$2" listener
  listener="$(ss -Htlnp "sport = :${port}" 2>/dev/null || true)"
  if [[ -n "${listener}" ]]; then
    die "port ${port} needed by the ${peer} peer is already in use by something this script did not start:
${listener}
free the port (or stop that server) and run start again"
  fi
}

# Waits until PEER accepts on PORT; fails early if its process died and after WAIT_SECONDS.
wait_for_port() {
  local peer="$1" port="$2" name="$3" expected="$4" log_file="$5" deadline=$((SECONDS + WAIT_SECONDS))
  local pid
  pid="$(<"$(pid_file "${name}")")"
  until port_open "${port}"; do
    # Only "alive" here: for a moment after spawn the process is still setsid, not yet ${expected}.
    if ! process_alive "${pid}"; then
      rm -f "$(pid_file "${name}")"
      die "the ${peer} peer exited while starting; see ${log_file}"
    fi
    if ((SECONDS >= deadline)); then
      stop_process "${name}" "${expected}"
      die "the ${peer} peer did not accept connections on ${PEER_HOST}:${port} within ${WAIT_SECONDS} s; see ${log_file}"
    fi
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------
# Installation

installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]; }

apt_lists_present() { compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; }

apt_install() {
  # Other tools may hold the dpkg lock for a moment; wait for it instead of failing.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "$@" >>"${LOG_DIR}/apt.log" 2>&1
}

apt_update() {
  log "apt-get update"
  apt-get -o DPkg::Lock::Timeout=300 update >>"${LOG_DIR}/apt.log" 2>&1 ||
    die "apt-get update failed; see ${LOG_DIR}/apt.log"
}

install_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    installed "${package}" || missing+=("${package}")
  done
  ((${#missing[@]} > 0)) || return 0
  log "installing ${missing[*]}"
  apt_lists_present || apt_update
  if ! apt_install "${missing[@]}"; then
    # Stale package lists are the usual cause (a mirror dropped the old version); refresh once.
    apt_update
    apt_install "${missing[@]}" || die "installing ${missing[*]} failed; see ${LOG_DIR}/apt.log"
  fi
}

readonly BUSYBOX="${STATE_DIR}/busybox-static/bin/busybox"

# Debian's busybox lacks telnetd and busybox-static would replace it system-wide, so the static
# build is unpacked into the state dir instead.
install_busybox_static() {
  [[ -x "${BUSYBOX}" ]] && return 0
  local download_dir="${STATE_DIR}/downloads" deb
  mkdir -p "${download_dir}"
  rm -f "${download_dir}"/busybox-static_*.deb
  log "downloading busybox-static"
  apt_lists_present || apt_update
  if ! (cd "${download_dir}" && apt-get download busybox-static >>"${LOG_DIR}/apt.log" 2>&1); then
    apt_update
    (cd "${download_dir}" && apt-get download busybox-static >>"${LOG_DIR}/apt.log" 2>&1) ||
      die "apt-get download busybox-static failed; see ${LOG_DIR}/apt.log"
  fi
  deb="$(compgen -G "${download_dir}/busybox-static_*.deb" | head -n 1)"
  dpkg -x "${deb}" "${STATE_DIR}/busybox-static"
  [[ -x "${BUSYBOX}" ]] || die "busybox-static unpacked but ${BUSYBOX} is missing"
}

# ---------------------------------------------------------------------------------------------
# Secrets and the test user

# Prints LENGTH random letters and digits (safe in env files, command lines and VNC's 8 bytes).
random_alnum() {
  local length="$1" value
  value="$(head -c 1024 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9' | cut -c "1-${length}")"
  ((${#value} == length)) || die "could not generate a random value"
  printf '%s' "${value}"
}

# Prints the secret stored in FILE, generating it once with LENGTH characters.
secret() {
  local file="${SECRETS_DIR}/$1" length="$2"
  if [[ ! -s "${file}" ]]; then
    random_alnum "${length}" >"${file}"
  fi
  chmod 600 "${file}"
  cat "${file}"
}

ensure_user() {
  local password="$1" home
  if ! id "${PEER_USER}" >/dev/null 2>&1; then
    log "creating user ${PEER_USER}"
    useradd -m -s /bin/bash "${PEER_USER}"
  fi
  # Set on every start so the account always matches the stored password.
  printf '%s:%s\n' "${PEER_USER}" "${password}" | chpasswd
  home="$(getent passwd "${PEER_USER}" | cut -d: -f6)"
  install -d -m 700 -o "${PEER_USER}" -g "${PEER_USER}" "${home}/.ssh"
  local keys="${home}/.ssh/authorized_keys"
  # Only this state dir's client key: a key from an older state dir must stop working.
  install -m 600 -o "${PEER_USER}" -g "${PEER_USER}" "${STATE_DIR}/ssh/client_ed25519.pub" "${keys}"
}

# ---------------------------------------------------------------------------------------------
# SSH

ensure_ssh_keys() {
  local dir="${STATE_DIR}/ssh"
  mkdir -p "${dir}"
  [[ -f "${dir}/host_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C airlock-peer-host -f "${dir}/host_ed25519"
  # A second host key that every JDK verifies natively; Ed25519 needs an extra provider in some clients.
  [[ -f "${dir}/host_ecdsa" ]] || ssh-keygen -q -t ecdsa -b 256 -N '' -C airlock-peer-host -f "${dir}/host_ecdsa"
  [[ -f "${dir}/client_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C airlock-peer-client -f "${dir}/client_ed25519"
  # known_hosts pins the host keys for clients that verify them (they never just accept any key).
  {
    printf '[%s]:%s %s\n' "${PEER_HOST}" "${SSH_PORT}" "$(cut -d' ' -f1,2 "${dir}/host_ed25519.pub")"
    printf '[%s]:%s %s\n' "${PEER_HOST}" "${SSH_PORT}" "$(cut -d' ' -f1,2 "${dir}/host_ecdsa.pub")"
  } >"${dir}/known_hosts"
}

start_ssh() {
  local dir="${STATE_DIR}/ssh" config="${STATE_DIR}/ssh/sshd_config" log_file="${LOG_DIR}/sshd.log"
  if owned_pid ssh sshd >/dev/null; then return 0; fi
  require_port_free ssh "${SSH_PORT}"
  mkdir -p /run/sshd # privilege separation directory; sshd refuses to start without it
  cat >"${config}" <<EOF
ListenAddress ${PEER_HOST}
Port ${SSH_PORT}
HostKey ${dir}/host_ed25519
HostKey ${dir}/host_ecdsa
PidFile none
PasswordAuthentication yes
PubkeyAuthentication yes
KbdInteractiveAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
UsePAM yes
AllowUsers ${PEER_USER}
PermitRootLogin no
Subsystem sftp internal-sftp
LogLevel VERBOSE
EOF
  /usr/sbin/sshd -t -f "${config}" >"${log_file}" 2>&1 || die "sshd rejected ${config}; see ${log_file}"
  # -D keeps sshd in the foreground, so the PID spawn records is the listener's (hence PidFile none).
  spawn ssh "${log_file}" /usr/sbin/sshd -D -e -f "${config}"
  wait_for_port ssh "${SSH_PORT}" ssh sshd "${log_file}"
}

# ---------------------------------------------------------------------------------------------
# Telnet

start_telnet() {
  local log_file="${LOG_DIR}/telnetd.log" issue="${STATE_DIR}/telnet/issue"
  if owned_pid telnet busybox >/dev/null; then return 0; fi
  require_port_free telnet "${TELNET_PORT}"
  mkdir -p "${STATE_DIR}/telnet"
  # Plain LF: telnetd turns it into the network's CR LF itself.
  printf 'Airlock telnet test peer\n' >"${issue}"
  chmod 644 "${issue}"
  # -F foreground (so the PID is the daemon's), -K end the session when login's shell exits.
  spawn telnet "${log_file}" "${BUSYBOX}" telnetd -F -K -b "${PEER_HOST}:${TELNET_PORT}" -f "${issue}" -l /bin/login
  wait_for_port telnet "${TELNET_PORT}" telnet busybox "${log_file}"
}

# ---------------------------------------------------------------------------------------------
# X servers (VNC and the RDP shadow server's screen)

prepare_x11_socket_dir() {
  mkdir -p /tmp/.X11-unix
  chmod 1777 /tmp/.X11-unix
}

# Clears the lock and socket a crashed X server left for DISPLAY; fails if a live process owns it.
clear_stale_display() {
  local peer="$1" display="$2" lock="/tmp/.X$2-lock" holder
  [[ -e "${lock}" ]] || return 0
  holder="$(tr -d ' \n' <"${lock}" 2>/dev/null || true)"
  if [[ "${holder}" =~ ^[0-9]+$ ]] && process_alive "${holder}"; then
    die "X display :${display} needed by the ${peer} peer is in use by process ${holder} ($(cat "/proc/${holder}/comm" 2>/dev/null || echo unknown)), which this script did not start"
  fi
  rm -f "${lock}" "/tmp/.X11-unix/X${display}"
}

# Waits until the X server on DISPLAY takes clients, then paints the root window solid red.
wait_for_display() {
  local peer="$1" display="$2" name="$3" expected="$4" log_file="$5" deadline=$((SECONDS + WAIT_SECONDS))
  until DISPLAY=":${display}" xsetroot -solid '#ff0000' 2>/dev/null; do
    if ! owned_pid "${name}" "${expected}" >/dev/null; then
      rm -f "$(pid_file "${name}")"
      die "the ${peer} peer's X server exited while starting; see ${log_file}"
    fi
    if ((SECONDS >= deadline)); then
      stop_process "${name}" "${expected}"
      die "the ${peer} peer's X server :${display} did not take clients within ${WAIT_SECONDS} s; see ${log_file}"
    fi
    sleep 0.2
  done
}

start_vnc() {
  local dir="${STATE_DIR}/vnc" log_file="${LOG_DIR}/xvnc.log" password="$1"
  if ! owned_pid vnc Xvnc >/dev/null; then
    require_port_free vnc "${VNC_PORT}"
    clear_stale_display vnc "${VNC_DISPLAY}"
    mkdir -p "${dir}"
    printf '%s\n' "${password}" | vncpasswd -f >"${dir}/passwd"
    chmod 600 "${dir}/passwd"
    # Without the blacklist flags, five failed logins (tests do that on purpose) lock the host out.
    spawn vnc "${log_file}" Xvnc ":${VNC_DISPLAY}" -geometry 640x480 -depth 24 \
      -rfbport "${VNC_PORT}" -interface "${PEER_HOST}" \
      -SecurityTypes VncAuth -PasswordFile "${dir}/passwd" -nolisten tcp \
      -BlacklistThreshold 1000000 -BlacklistTimeout 0
    wait_for_port vnc "${VNC_PORT}" vnc Xvnc "${log_file}"
  fi
  wait_for_display vnc "${VNC_DISPLAY}" vnc Xvnc "${log_file}"
  if ! owned_pid vnc-xterm xterm >/dev/null; then
    # -hold keeps the window (and its text) after printf exits, so the screen never changes.
    DISPLAY=":${VNC_DISPLAY}" spawn vnc-xterm "${LOG_DIR}/vnc-xterm.log" \
      xterm -geometry 40x3+16+16 -title airlock-peer -hold -e printf '%s\n' "${VNC_XTERM_TEXT}"
  fi
}

start_rdp() {
  local dir="${STATE_DIR}/rdp" password="$1"
  local xvfb_log="${LOG_DIR}/xvfb.log" log_file="${LOG_DIR}/freerdp-shadow.log"
  if owned_pid rdp freerdp-shadow-cli >/dev/null; then return 0; fi
  require_port_free rdp "${RDP_PORT}"
  mkdir -p "${dir}/home"
  if ! owned_pid rdp-xvfb Xvfb >/dev/null; then
    clear_stale_display rdp "${RDP_DISPLAY}"
    # -noreset: otherwise the root window turns black whenever the last client disconnects.
    spawn rdp-xvfb "${xvfb_log}" Xvfb ":${RDP_DISPLAY}" -screen 0 640x480x24 -nolisten tcp -noreset
  fi
  wait_for_display rdp "${RDP_DISPLAY}" rdp-xvfb Xvfb "${xvfb_log}"
  winpr-hash -u "${PEER_USER}" -p "${password}" -f sam >"${dir}/shadow.sam"
  chmod 600 "${dir}/shadow.sam"
  # HOME in the state dir: the shadow server writes its generated TLS certificate under it.
  HOME="${dir}/home" XDG_CONFIG_HOME="${dir}/home/.config" DISPLAY=":${RDP_DISPLAY}" \
    spawn rdp "${log_file}" freerdp-shadow-cli "/bind-address:${PEER_HOST}" "/port:${RDP_PORT}" \
    +auth /sec:nla "/sam-file:${dir}/shadow.sam"
  wait_for_port rdp "${RDP_PORT}" rdp freerdp-shadow-cli "${log_file}"
}

# ---------------------------------------------------------------------------------------------
# Commands

write_env() {
  local password="$1" vnc_password="$2" file="${STATE_DIR}/peers.env"
  cat >"${file}.tmp" <<EOF
AIRLOCK_PEER_HOST=${PEER_HOST}
AIRLOCK_PEER_USER=${PEER_USER}
AIRLOCK_PEER_PASSWORD=${password}
AIRLOCK_PEER_SSH_PORT=${SSH_PORT}
AIRLOCK_PEER_SSH_KEY=${STATE_DIR}/ssh/client_ed25519
AIRLOCK_PEER_SSH_KNOWN_HOSTS=${STATE_DIR}/ssh/known_hosts
AIRLOCK_PEER_TELNET_PORT=${TELNET_PORT}
AIRLOCK_PEER_VNC_PORT=${VNC_PORT}
AIRLOCK_PEER_VNC_PASSWORD=${vnc_password}
AIRLOCK_PEER_RDP_PORT=${RDP_PORT}
EOF
  chmod 600 "${file}.tmp"
  mv -f "${file}.tmp" "${file}"
}

require_root() {
  [[ "$(id -u)" == 0 ]] || die "$1 must run as root (the peers install packages, add ${PEER_USER} and run as root)"
}

# Every port a peer of this state dir will listen on must be ours or free, checked before anything is
# changed: the test account is shared by all state dirs, so a start that sets its password and then
# fails on a taken port would leave the running peers of another state dir with a stale password.
require_ports_available() {
  owned_pid ssh sshd >/dev/null || require_port_free ssh "${SSH_PORT}"
  owned_pid telnet busybox >/dev/null || require_port_free telnet "${TELNET_PORT}"
  owned_pid vnc Xvnc >/dev/null || require_port_free vnc "${VNC_PORT}"
  owned_pid rdp freerdp-shadow-cli >/dev/null || require_port_free rdp "${RDP_PORT}"
}

cmd_start() {
  require_root start
  # peers.env holds plain KEY=VALUE lines, so paths in it must not need quoting.
  [[ "${STATE_DIR}" != *[[:space:]]* ]] || die "the state dir path must not contain whitespace: ${STATE_DIR}"
  mkdir -p "${STATE_DIR}" "${RUN_DIR}" "${LOG_DIR}" "${SECRETS_DIR}"
  chmod 700 "${STATE_DIR}" "${SECRETS_DIR}"

  install_packages
  require_ports_available
  install_busybox_static

  local password vnc_password
  password="$(secret peer-password 20)"
  # VncAuth uses only the first 8 bytes of a password.
  vnc_password="$(secret vnc-password 8)"
  ensure_ssh_keys
  ensure_user "${password}"

  start_ssh
  start_telnet
  # X servers start one after another: two starting at once have lost a socket file.
  prepare_x11_socket_dir
  start_vnc "${vnc_password}"
  start_rdp "${password}"

  write_env "${password}" "${vnc_password}"
  cmd_status
  log "settings in ${STATE_DIR}/peers.env"
}

cmd_stop() {
  require_root stop
  # Reverse start order, so each X server outlives its clients and they do not log lost displays.
  stop_process rdp freerdp-shadow-cli
  stop_process rdp-xvfb Xvfb
  stop_process vnc-xterm xterm
  stop_process vnc Xvnc
  stop_process telnet busybox
  stop_process ssh sshd
  # Without peers.env the peer tests report "not running" instead of timing out on dead ports.
  rm -f "${STATE_DIR}/peers.env"
  log "stopped"
}

status_line() {
  local peer="$1" port="$2" name="$3" expected="$4" pid
  if pid="$(owned_pid "${name}" "${expected}")"; then
    printf '%-7s running  %s:%s (pid %s)\n' "${peer}" "${PEER_HOST}" "${port}" "${pid}"
  else
    printf '%-7s stopped  %s:%s\n' "${peer}" "${PEER_HOST}" "${port}"
    return 1
  fi
}

# Exits 0 only when every peer runs and peers.env is there, so callers can tell whether to start them.
cmd_status() {
  local all=0
  status_line ssh "${SSH_PORT}" ssh sshd || all=3
  status_line telnet "${TELNET_PORT}" telnet busybox || all=3
  status_line vnc "${VNC_PORT}" vnc Xvnc || all=3
  status_line rdp "${RDP_PORT}" rdp freerdp-shadow-cli || all=3
  [ -f "${STATE_DIR}/peers.env" ] || all=3
  return "${all}"
}

main() {
  (($# == 1)) || usage
  case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
  esac
}

main "$@"
