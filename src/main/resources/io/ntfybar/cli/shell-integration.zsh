# ntfybar shell integration for zsh, printed by `ntfybar shell-integration`. Put this line in ~/.zshrc:
#   eval "$(ntfybar shell-integration)"
# After a command line that ran longer than @@SECONDS@@ s, ntfybar publishes how it ended, in the background.
# Programs named in NTFYBAR_IGNORE (space or comma separated; unset: the list below) are skipped.
# Hooks: preexec and precmd through add-zsh-hook, next to any others.

__ntfybar_run() { @@LAUNCHER@@ "$@"; }
typeset -g __ntfybar_threshold_ms=@@THRESHOLD_MS@@
typeset -g __ntfybar_foreground_too=@@FOREGROUND_TOO@@
typeset -g __ntfybar_default_ignore='@@IGNORE@@'
typeset -g __ntfybar_cmd= __ntfybar_start=
zmodload zsh/datetime 2>/dev/null

# Milliseconds: epochtime from zsh/datetime, else SECONDS (whole seconds since the shell started).
__ntfybar_now_ms() {
    emulate -L zsh
    if (( ${+epochtime} )); then
        REPLY=$(( epochtime[1] * 1000 + epochtime[2] / 1000000 ))
    else
        REPLY=$(( SECONDS * 1000 ))
    fi
}

# preexec: $1 is the line as typed (empty when history is off; $3 is then the expanded text).
__ntfybar_preexec() {
    emulate -L zsh
    __ntfybar_cmd=${1:-$3}
    __ntfybar_now_ms
    __ntfybar_start=$REPLY
}

# True when the first word of "$1" (after VAR=value assignments, without its directory) is an ignored program.
__ntfybar_ignored() {
    emulate -L zsh
    local list=${NTFYBAR_IGNORE-$__ntfybar_default_ignore} w first=
    local -a words
    words=(${(z)1})
    for w in $words; do
        [[ $w == [A-Za-z_]*=* ]] && continue
        first=${(Q)w}
        break
    done
    first=${first:t}
    first=${first#\\}
    [[ -n $first && " ${list//,/ } " == *" $first "* ]]
}

# True only when this terminal's X11 window has the focus. Detectable only on X11 outside tmux and screen, in a
# terminal that sets WINDOWID, with xdotool installed; anywhere else this says "not focused" and ntfybar notifies.
__ntfybar_focused() {
    emulate -L zsh
    [[ $__ntfybar_foreground_too == 1 ]] && return 1
    [[ -n ${WINDOWID-} && -n ${DISPLAY-} ]] || return 1
    [[ -z ${TMUX-}${STY-}${WAYLAND_DISPLAY-} ]] || return 1
    (( ${+commands[xdotool]} )) || return 1
    [[ "$(xdotool getactivewindow 2>/dev/null)" == "$WINDOWID" ]]
}

# precmd: the command line has ended; report it when it ran long enough.
__ntfybar_precmd() {
    local s=$?
    emulate -L zsh
    [[ -n $__ntfybar_start ]] || return 0
    __ntfybar_now_ms
    local elapsed=$(( REPLY - __ntfybar_start ))
    __ntfybar_start=
    if (( elapsed > __ntfybar_threshold_ms )) && ! __ntfybar_ignored "$__ntfybar_cmd" && ! __ntfybar_focused; then
        ( __ntfybar_run done --finished "$__ntfybar_cmd" --exit-code "$s" --millis "$elapsed" @@ARGS@@ \
            </dev/null >/dev/null 2>&1 & )
    fi
    return 0
}

autoload -Uz add-zsh-hook
add-zsh-hook preexec __ntfybar_preexec
add-zsh-hook precmd __ntfybar_precmd
