# ntfybar shell integration for bash, printed by `ntfybar shell-integration`. Put this line at the END of ~/.bashrc:
#   eval "$(ntfybar shell-integration)"
# After a command line that ran longer than @@SECONDS@@ s, ntfybar publishes how it ended, in the background.
# Programs named in NTFYBAR_IGNORE (space or comma separated; unset: the list below) are skipped.
# Hooks: a DEBUG trap (an existing one is chained after ours) and PROMPT_COMMAND (ours goes first, so it sees the
# command's exit status; an existing string or bash 5.1 array is kept).

__ntfybar_run() { @@LAUNCHER@@ "$@"; }
__ntfybar_threshold_ms=@@THRESHOLD_MS@@
__ntfybar_foreground_too=@@FOREGROUND_TOO@@
__ntfybar_default_ignore='@@IGNORE@@'

# Milliseconds on a clock that only has to agree with itself: EPOCHREALTIME (bash 5, microseconds, with the
# locale's decimal separator), else SECONDS (whole seconds since the shell started).
__ntfybar_now_ms() {
    if [ -n "${EPOCHREALTIME-}" ]; then
        local us=${EPOCHREALTIME//[!0-9]/}
        __ntfybar_ms=$((us / 1000))
    else
        __ntfybar_ms=$((SECONDS * 1000))
    fi
}

# The text of the command line now starting: the newest history entry when this line added one, else the first
# simple command as bash shows it (a line starting with a space under HISTCONTROL=ignorespace, history off).
__ntfybar_command_text() {
    local entry
    entry=$(HISTTIMEFORMAT= builtin history 1 2>/dev/null)
    if [[ $entry =~ ^[[:space:]]*([0-9]+)[*]?[[:space:]]+(.*)$ ]] \
        && [ "${BASH_REMATCH[1]}" != "${__ntfybar_history_number-}" ]; then
        __ntfybar_history_number=${BASH_REMATCH[1]}
        __ntfybar_cmd=${BASH_REMATCH[2]}
    else
        __ntfybar_cmd=$BASH_COMMAND
    fi
}

# The DEBUG trap: runs before every simple command; only the first one after a prompt counts.
__ntfybar_preexec() {
    [ -n "${__ntfybar_armed-}" ] || return 0
    [ -z "${COMP_LINE-}" ] || return 0
    case $BASH_COMMAND in __ntfybar_*) return 0 ;; esac
    # Commands of PROMPT_COMMAND run after our hook armed this trap: they are not the user's.
    case " ${PROMPT_COMMAND[*]-} " in *[[:space:]\;]"$BASH_COMMAND"[[:space:]\;]*) return 0 ;; esac
    __ntfybar_armed=
    __ntfybar_command_text
    __ntfybar_now_ms
    __ntfybar_start=$__ntfybar_ms
    return 0
}

# True when the first word of "$1" (after VAR=value assignments, without its directory) is an ignored program.
__ntfybar_ignored() {
    local list=${NTFYBAR_IGNORE-$__ntfybar_default_ignore} w first=
    local -a words
    read -r -a words <<<"$1"
    for w in "${words[@]}"; do
        case $w in
            [A-Za-z_]*=*) ;;
            *) first=$w; break ;;
        esac
    done
    first=${first##*/}
    first=${first#\\}
    [ -n "$first" ] || return 1
    case " ${list//,/ } " in *" $first "*) return 0 ;; esac
    return 1
}

# True only when this terminal's X11 window has the focus. Detectable only on X11 outside tmux and screen, in a
# terminal that sets WINDOWID, with xdotool installed; anywhere else this says "not focused" and ntfybar notifies.
__ntfybar_focused() {
    [ "$__ntfybar_foreground_too" = 1 ] && return 1
    [ -n "${WINDOWID-}" ] && [ -n "${DISPLAY-}" ] || return 1
    [ -z "${TMUX-}${STY-}${WAYLAND_DISPLAY-}" ] || return 1
    command -v xdotool >/dev/null 2>&1 || return 1
    [ "$(xdotool getactivewindow 2>/dev/null)" = "$WINDOWID" ]
}

# PROMPT_COMMAND: the command line has ended; report it when it ran long enough. Keeps $? for whatever runs next.
__ntfybar_precmd() {
    local s=$?
    if [ -n "${__ntfybar_start-}" ]; then
        __ntfybar_now_ms
        local elapsed=$((__ntfybar_ms - __ntfybar_start))
        __ntfybar_start=
        if [ "$elapsed" -gt "$__ntfybar_threshold_ms" ] && ! __ntfybar_ignored "$__ntfybar_cmd" \
            && ! __ntfybar_focused; then
            (__ntfybar_run done --finished "$__ntfybar_cmd" --exit-code "$s" --millis "$elapsed" @@ARGS@@ \
                </dev/null >/dev/null 2>&1 &)
        fi
    fi
    __ntfybar_armed=1
    return "$s"
}

# Install once, even when ~/.bashrc is read again.
case $(trap -p DEBUG) in
    *__ntfybar_preexec*) ;;
    *)
        eval "__ntfybar_trap=($(trap -p DEBUG))"
        trap "__ntfybar_preexec \"\$_\"${__ntfybar_trap[2]:+; ${__ntfybar_trap[2]}}" DEBUG
        unset __ntfybar_trap
        ;;
esac
case ${PROMPT_COMMAND-} in
    __ntfybar_precmd*) ;;
    *) PROMPT_COMMAND="__ntfybar_precmd${PROMPT_COMMAND:+; $PROMPT_COMMAND}" ;;
esac
__ntfybar_armed=
