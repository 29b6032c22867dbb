#!/usr/bin/env bash
# Plays a working desktop on the X display in $DISPLAY for SECONDS seconds, for the graphical transcoding
# benchmark: a window manager, a clock, terminals into which commands are typed (listings scroll past,
# a pager pages through a long file), windows opened, dragged across the screen, raised and closed, with
# pauses between the bursts as a person reading would leave. Everything is real X11 drawing by real
# clients (twm, xterm, xclock, xlogo); the order is fixed so two runs make alike recordings.
#
#   DISPLAY=:N scripts/desktop-activity.sh SECONDS
#
# Needs twm, xterm, xdotool, x11-apps (xclock, xlogo) and x11-xserver-utils (xsetroot). Every client it
# starts is ended when it ends.
set -euo pipefail

readonly SECONDS_TO_RUN="${1:?usage: DISPLAY=:N desktop-activity.sh SECONDS}"
: "${DISPLAY:?DISPLAY must name the X display to draw on}"
readonly END=$((SECONDS + SECONDS_TO_RUN))
# xterm ignores synthetic key events unless told otherwise; xdotool types through them into one window.
readonly XTERM=(xterm -xrm 'XTerm*allowSendEvents: true' -fa Monospace -fs 10)
# Long real texts for the terminals to show.
readonly TEXTS=(/usr/share/common-licenses/GPL-3 /etc/services /usr/share/common-licenses/Apache-2.0)

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start() {
  "$@" >/dev/null 2>&1 &
  pids+=("$!")
}

remaining() { ((SECONDS < END)); }

# Waits up to 5 s for a window with TITLE to be mapped and prints its id.
window_named() {
  local title="$1" tries=0 id
  while ((tries < 50)); do
    id="$(xdotool search --onlyvisible --name "^${title}\$" 2>/dev/null | head -n 1 || true)"
    if [[ -n "$id" ]]; then
      printf '%s' "$id"
      return 0
    fi
    sleep 0.1
    tries=$((tries + 1))
  done
  return 1
}

# Types TEXT into WINDOW at a typist's pace, then Return.
type_line() {
  xdotool type --window "$1" --delay 60 "$2"
  xdotool key --window "$1" Return
}

# Drags WINDOW from where it is to X,Y in 25 steps of 40 ms, as a hand moving it would.
drag() {
  local window="$1" x="$2" y="$3" step fromx fromy
  eval "$(xdotool getwindowgeometry --shell "$window")"
  fromx=$X fromy=$Y
  for step in $(seq 1 25); do
    xdotool windowmove "$window" $((fromx + (x - fromx) * step / 25)) $((fromy + (y - fromy) * step / 25))
    sleep 0.04
  done
}

pause() { sleep "$1"; }

xsetroot -solid '#3a6ea5'
start twm
sleep 1
start xclock -geometry 160x160-10+10 -update 1
start xlogo -geometry 200x200-10-10

round=0
while remaining; do
  round=$((round + 1))
  title="shell-${round}"
  text="${TEXTS[$((round % ${#TEXTS[@]}))]}"
  start "${XTERM[@]}" -T "$title" -geometry "100x30+$((20 + round % 5 * 60))+$((20 + round % 4 * 40))"
  window="$(window_named "$title")" || continue
  pause 1
  type_line "$window" "ls -l /usr/bin | head -n 200"
  pause 4
  type_line "$window" "find /usr/share/doc -maxdepth 2 | head -n 400"
  pause 5
  # Page through a long text like a reader: a page at a time, then line by line, then back up.
  type_line "$window" "less $text"
  pause 2
  for _ in 1 2 3 4 5 6; do
    xdotool key --window "$window" space
    pause 3
  done
  for _ in $(seq 1 40); do
    xdotool key --window "$window" Down
    sleep 0.1
  done
  for _ in 1 2 3; do
    xdotool key --window "$window" b
    pause 2
  done
  xdotool key --window "$window" q
  pause 1
  remaining || break
  drag "$window" $((300 + round % 3 * 80)) $((250 + round % 2 * 60))
  pause 3
  type_line "$window" "seq 1 2000 | paste - - - - - - - - | column -t"
  pause 4
  # A second window over the first, moved about and closed again.
  start "${XTERM[@]}" -T "top-${round}" -geometry 90x25+600+300 -e top -d 1
  other="$(window_named "top-${round}")" || other=""
  pause 6
  if [[ -n "$other" ]]; then
    drag "$other" 100 80
    pause 4
    xdotool windowraise "$window"
    pause 3
    xdotool windowkill "$other" 2>/dev/null || true
  fi
  pause 10
  type_line "$window" "clear"
  # Reading the screen: nothing but the clock changes.
  pause 20
  if ((round % 2 == 0)); then
    xdotool windowkill "$window" 2>/dev/null || true
  fi
done
