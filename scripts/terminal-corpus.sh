#!/usr/bin/env bash
# Records the terminal-emulator reference corpus: real programs run under asciinema inside tmux, and at
# quiet moments tmux's own view of the screen is saved as the reference the emulator must reproduce.
#
# Output, per size WxH (80x24, 120x36, 132x43, 200x60), in airlock-terminal/src/test/resources/corpus/:
#   session-WxH.cast         asciicast v2 recording made by Debian's `asciinema rec`
#   session-WxH.checkpoints  reference screens; each is a header line
#                              checkpoint <label> events=<n> time=<t> cursor=<row>,<column>
#                            followed by exactly one line of `tmux capture-pane -p` per row; and
#                            window size changes, as a line
#                              resize events=<n> size=<W>x<H>
#                            meaning the pane took that size after the first <n> events.
#   vttest-80x24.*           the same for vttest's menus 1, 2, 3 and 8.
# Programs see TERM=xterm-256color, as gateway sessions do, except at 120x36 where they see
# tmux-256color, so that both sets of sequences programs choose from are covered (override: CORPUS_TERM).
# The cast header's TERM is asciinema's own (the tmux pane's), not the one the programs saw.
#
# How checkpoints line up with the recording: asciinema writes one line per event, line-buffered, with
# times relative to its own start. After the pane has been quiet, the script counts the events in the
# cast file, captures the pane and counts again; only if both counts agree is the checkpoint kept, so
# the screen belongs to exactly the first <n> events. <t> is the time of event <n>, for people reading.
#
# Needs: asciinema tmux vim less git procps, and vttest unless the arguments leave it out
# (apt-get install -y --no-install-recommends asciinema tmux vim less git procps vttest)
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="${OUT_DIR:-$repo_root/airlock-terminal/src/test/resources/corpus}"
# Arguments choose what to record: sizes like 80x24, and/or "vttest". Default: everything.
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(80x24 120x36 132x43 200x60 vttest)
socket="airlock-corpus-$$"
work="$(mktemp -d)"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

for tool in asciinema tmux vim less git top; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

prepare_files() {
    mkdir -p "$work/home/demo/docs" "$work/home/demo/bin"
    printf '#!/bin/sh\necho hi\n' >"$work/home/demo/bin/run.sh"
    chmod +x "$work/home/demo/bin/run.sh"
    ln -s docs "$work/home/demo/link"
    ln -s missing "$work/home/demo/broken"
    for i in 1 2 3; do printf 'note %d\n' "$i" >"$work/home/demo/docs/note-$i.txt"; done
    touch "$work/home/demo/archive.tar.gz" "$work/home/demo/picture.png"
    {
        for i in $(seq 1 120); do
            printf 'line %03d: the quick brown fox jumps over the lazy dog %s\n' "$i" "$([ $((i % 7)) -eq 0 ] && printf 'and keeps running far beyond the right margin of an eighty column terminal, %.0s' 1 2 3)"
        done
    } >"$work/home/demo/story.txt"
    {
        printf '#include <stdio.h>\n\n/* A small program for the editor scenario. */\n'
        for i in $(seq 1 40); do
            printf 'static int step_%02d(int value) {\n    return value * %d + 0x%02x; // step %d\n}\n\n' "$i" "$i" "$i" "$i"
        done
        printf 'int main(void) {\n    printf("%%d\\n", step_01(2));\n    return 0;\n}\n'
    } >"$work/home/demo/sample.c"
    printf 'first line\nsecond line\nthird line\n日本語の行\nlast line\n' >"$work/home/demo/edit.txt"
    (
        cd "$work/home/demo" && mkdir repo && cd repo
        export GIT_AUTHOR_NAME=Corpus GIT_AUTHOR_EMAIL=corpus@example.invalid
        export GIT_COMMITTER_NAME=Corpus GIT_COMMITTER_EMAIL=corpus@example.invalid
        export GIT_AUTHOR_DATE="2024-01-01T00:00:00Z" GIT_COMMITTER_DATE="2024-01-01T00:00:00Z"
        git init -q -b main .
        for i in 1 2; do echo "$i" >f; git add f; git commit -qm "main commit $i"; done
        git checkout -qb feature
        for i in 1 2; do echo "feature $i" >g; git add g; git commit -qm "feature commit $i"; done
        git checkout -q main
        echo 3 >f; git commit -qam "main commit 3"
        git merge -q --no-edit feature -m "merge feature"
        echo 4 >f; git commit -qam "main commit 4"
    )
}

tm() {
    tmux -L "$socket" "$@"
}

send() { # types literal text, then Enter unless told otherwise
    tm send-keys -t rec -l -- "$1"
    if [ "${2:-enter}" = enter ]; then tm send-keys -t rec Enter; fi
}

key() {
    tm send-keys -t rec "$@"
}

wait_quiet() { # until the cast file and the pane stay unchanged for 0.6 s (10 s at most)
    local last="" now same=0 i
    for i in $(seq 1 50); do
        now="$(stat -c %s "$cast")|$(tm capture-pane -p -t rec | md5sum)"
        if [ "$now" = "$last" ]; then
            same=$((same + 1))
            [ "$same" -ge 3 ] && return 0
        else
            same=0
        fi
        last="$now"
        sleep 0.2
    done
}

checkpoint() {
    local label="$1" attempt before after cursor
    for attempt in 1 2 3 4 5; do
        wait_quiet
        before=$(wc -l <"$cast")
        tm capture-pane -p -t rec >"$work/pane"
        cursor="$(tm display-message -p -t rec '#{cursor_y},#{cursor_x}')"
        after=$(wc -l <"$cast")
        [ "$before" = "$after" ] && break
    done
    local time
    time="$(tail -n 1 "$cast" | sed -n 's/^\[\([0-9.]*\),.*/\1/p')"
    {
        printf 'checkpoint %s events=%d time=%s cursor=%s\n' "$label" $((before - 1)) "${time:-0}" "$cursor"
        # Exactly one line per row, however tmux ended the capture.
        head -n "$rows" "$work/pane"
        for ((i = $(head -n "$rows" "$work/pane" | wc -l); i < rows; i++)); do echo; done
    } >>"$checkpoints"
}

resize() { # noted at the event it follows, since asciinema 2 records no resize events
    wait_quiet
    printf 'resize events=%d size=%dx%d\n' $(($(wc -l <"$cast") - 1)) "$1" "$2" >>"$checkpoints"
    tm resize-window -t rec -x "$1" -y "$2"
    rows="$2"
}

record() {
    local size="$1"
    cols="${size%x*}"
    rows="${size#*x}"
    cast="$out_dir/session-$size.cast"
    checkpoints="$out_dir/session-$size.checkpoints"
    rm -f "$cast" "$checkpoints"
    # Gateway sessions advertise xterm-256color (the operator's terminal is xterm.js); 120x36 uses
    # tmux's own entry so that both sets of sequences programs choose from are covered.
    local term_name=xterm-256color
    [ "$size" = 120x36 ] && term_name=tmux-256color
    local shell_cmd="env -i HOME=$work/home TERM=${CORPUS_TERM:-$term_name} LANG=C.UTF-8 LC_ALL=C.UTF-8 PATH=/usr/bin:/bin PS1='corpus\$ ' bash --norc --noprofile"
    tm -f "$work/tmux.conf" new-session -d -s rec -x "$cols" -y "$rows" \
        "cd $work/home/demo && asciinema rec -q --overwrite -c \"$shell_cmd\" $cast"
    local base_rows="$rows"
    sleep 1
    checkpoint prompt

    send 'ls --color=always -la'
    checkpoint ls-long
    send 'ls --color=always -C -w $COLUMNS /usr/share/doc | head -n 15'
    checkpoint ls-columns
    send 'for i in $(seq 0 255); do printf "\e[48;5;%dm%4d" $i $i; [ $(( (i + 1) % 16 )) -eq 0 ] && printf "\e[0m\n"; done'
    checkpoint colours-256
    send 'printf "\e[38;2;255;100;0mtrue\e[0m \e[48;2;0;0;128;38:2::0:200:100mcolon\e[0m \e[1mbold\e[22m \e[3mitalic\e[23m \e[4munder\e[24m \e[7minverse\e[27m \e[9mstrike\e[29m \e[8mhidden\e[28m\n"'
    checkpoint truecolour-sgr
    send 'clear; printf "héllo wörld — ünïcödé ✓ café\n日本語のテキスト 中文 한국어 ｆｕｌｌ\n"; printf "x%.0s" $(seq 2 $COLUMNS); printf "漢字が折り返す\n"; printf "e\xcc\x81 a\xcc\x88\xcc\xa3 👍 ❤️ ok\n"'
    checkpoint utf8-cjk
    send 'clear; printf "\e(0lqqqqk\nx    x\ntqqqqu\nmqqqqj\e(B\n\x0e lqk \x0f plain\na\tb\tc\n"; printf "abcdef\e[3D\e[2@XY\e[1P\e[2X\n"; printf "%0${COLUMNS}d\n" 0; printf "%0${COLUMNS}dW\n" 0'
    checkpoint linedraw-edit-wrap
    send 'clear; seq 1 20; printf "\e[5;10r\e[10;1H"; for i in 1 2 3 4 5 6; do echo "scrolled $i"; done; printf "\e[5;1H\e[2L\e[7;1H\e[1M\e[r\e[21;1H"'
    checkpoint scroll-region
    send 'clear; printf "\e[5;15r\e[?6h\e[1;1Horigin top\e[40;1Horigin clamped\e[?6l\e[r\e[16;1H"; printf "hello world\r\e[4hINS \e[4l\n"; printf "a\t\tb\e[Zc\n"; printf "ab\e[5b\n"; printf "\e7\e[2;30Hsaved\e8restored\n\e[s\e[3;30Hcsi-saved\e[urestored again\n"'
    checkpoint origin-insert-tabs
    send 'clear; seq 1 8; printf "\e[2S\e[1T\e[3;1H\eM\eMreverse\e[8;1H\eDindex\eEnext line\n"'
    checkpoint scroll-up-down
    send 'clear; printf "漢字かな\e[1;3H\e[2@|\e[2;1Hあいう\e[2;3H\e[2P\e[3;1Hえおか\e[3;3H\e[K\e[4;1H\xcc\x81a\e[5;78Hwide漢\e[7;1H\t\t\t\t\t\t\t\t\t\t\t|\e[8;1H\e[1;2;3;4;5;6;7;8;9;31;42;1;2;3;4;5;6;7;8;9;31;42;1;2;3;4;5;6;7;8;9;31;42;1;2;3;4;5;6;7;8;9;31;42mmany params\e[m\e[9;1H\e]2;%0300d\aafter title\e[10;1H\eP+q544e\e\\\\after dcs\e[11;1H\e[99;99H\e[12;1Hbottom-right jump\n"; printf "\e[44m\e[13;1H\e[K\e[14;5H\e[1K\e[15;1Hcolored\e[3X\e[m\n"'
    checkpoint edge-cases
    send 'echo aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii jjjjjjjjjj kkkkkkkkkk llllllllll mmmmmmmmmm nnnnnnnnnn oooooooooo pppppppppp qqqqqqqqqq rrrrrrrrrr' 
    checkpoint readline-wrap
    send 'printf "\e[?1049h\e[H\e[2Jalternate screen\e[5;5Hboxed \e[41m red \e[0m\n"; read -r _; printf "\e[?1049l"'
    checkpoint alternate-inside
    send ''
    checkpoint alternate-left

    send 'vim -u NONE -N -c "set laststatus=2 ruler" edit.txt'
    checkpoint vim-open
    key g g O
    send 'a new first line' noenter
    key Escape
    key j j d d
    checkpoint vim-edited
    send ':w'
    checkpoint vim-written
    send ':q'
    checkpoint vim-quit

    send 'vim -u NONE -N -c "syntax on" -c "set number laststatus=2 ruler hlsearch" sample.c'
    checkpoint vim-syntax
    key C-f
    checkpoint vim-page-down
    key G
    checkpoint vim-end
    key g g
    checkpoint vim-top
    send '/return'
    checkpoint vim-search
    send ':split'
    checkpoint vim-split
    key C-w j
    key C-e C-e C-e
    checkpoint vim-scroll-lines
    key C-y
    checkpoint vim-scroll-back
    resize $((cols - 15)) $((base_rows - 4))
    checkpoint vim-resized
    resize "$cols" "$base_rows"
    checkpoint vim-restored
    send ':qa!'
    checkpoint vim-closed

    send 'less -R story.txt'
    checkpoint less-open
    key Space
    checkpoint less-page
    key k k k
    checkpoint less-back-lines
    key b
    checkpoint less-back-page
    send '/line 100' 
    checkpoint less-search
    key q
    checkpoint less-quit

    send 'echo history one'
    send 'echo history two'
    key Up Up
    key C-a
    send 'X' noenter
    key End
    send ' tail' noenter
    checkpoint readline-history-edit
    key C-c
    send 'echo 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 end' noenter
    key C-a
    send 'Z' noenter
    key M-f M-f
    checkpoint readline-long-edit
    key C-c
    send 'ls docs/n' noenter
    key Tab Tab
    checkpoint completion
    key C-c
    send 'seq 1 400; printf "\e[?7l%0$((COLUMNS * 2))d\e[?7h\n" 0'
    checkpoint long-output-nowrap

    send 'git --no-pager -C repo log --graph --oneline --all --color=always --decorate'
    checkpoint git-graph
    send 'top -b -n 1 | head -n 15 | cut -c 1-$COLUMNS'
    checkpoint top-batch
    send 'top -d 5'
    checkpoint top-interactive
    key q
    checkpoint top-quit

    send 'clear; printf "%0$((COLUMNS + 10))d\n" 0'
    checkpoint before-sparse-resize
    resize $((cols / 2)) "$base_rows"
    checkpoint sparse-narrowed
    resize "$cols" "$base_rows"
    checkpoint sparse-widened
    send 'clear; seq 1 300 | tail -n $((LINES + 5))'
    checkpoint before-resize
    resize $((cols - 20)) $((base_rows - 6))
    checkpoint resized-smaller
    send 'echo after resize'
    checkpoint typed-after-resize
    resize $((cols - 10)) $((base_rows - 2))
    checkpoint resized-larger

    send 'exit'
    local i
    for i in $(seq 1 50); do
        tm has-session -t rec 2>/dev/null || break
        sleep 0.2
    done
}

record_vttest() { # vttest's menus 1, 2, 3 and 8: every screen that waits for RETURN is a checkpoint
    cols=80
    rows=24
    cast="$out_dir/vttest-80x24.cast"
    checkpoints="$out_dir/vttest-80x24.checkpoints"
    rm -f "$cast" "$checkpoints"
    tm -f "$work/tmux.conf" new-session -d -s rec -x "$cols" -y "$rows" \
        "asciinema rec -q --overwrite -c 'env -i TERM=tmux-256color LANG=C.UTF-8 PATH=/usr/bin:/bin vttest' $cast"
    sleep 1
    checkpoint menu
    local test screen
    for test in 1 2 3 8; do
        send "$test"
        for screen in $(seq 1 25); do
            checkpoint "vttest-$test.$screen"
            if tm capture-pane -p -t rec | grep -q 'Enter choice number'; then
                break
            fi
            key Enter
        done
    done
    send 0
    local i
    for i in $(seq 1 50); do
        tm has-session -t rec 2>/dev/null || break
        sleep 0.2
    done
}

mkdir -p "$out_dir"
prepare_files
cat >"$work/tmux.conf" <<'CONF'
set -g status off
set -g default-terminal tmux-256color
set -g history-limit 2000
set -g escape-time 0
CONF
for target in "${targets[@]}"; do
    if [ "$target" = vttest ]; then
        command -v vttest >/dev/null || { echo "missing vttest" >&2; exit 1; }
        record_vttest
        name=vttest-80x24
    else
        record "$target"
        name="session-$target"
    fi
    echo "recorded $name: $(grep -c '^checkpoint ' "$out_dir/$name.checkpoints") checkpoints, $(stat -c %s "$out_dir/$name.cast") bytes"
done
