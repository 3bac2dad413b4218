# ntfybar shell integration for bash, printed by `ntfybar shell-integration`. Put this line at the END of ~/.bashrc:
#   eval "$(ntfybar shell-integration)"
# After a command line that ran longer than @@SECONDS@@ s, ntfybar publishes how it ended, in the background.
# Programs named in NTFYBAR_IGNORE (space or comma separated; unset: the list below) are skipped.
# Hooks: PS0 (bash 4.4+; ours goes before an existing one), a DEBUG trap (an existing one is chained after ours) and
# PROMPT_COMMAND (ours goes first, so it sees the command's exit status; an existing string or bash 5.1 array is kept).

__ntfybar_run() { @@LAUNCHER@@ "$@"; }
__ntfybar_threshold_ms=@@THRESHOLD_MS@@
__ntfybar_foreground_too=@@FOREGROUND_TOO@@
__ntfybar_default_ignore='@@IGNORE@@'

# The clock: "seconds.microseconds" from EPOCHREALTIME (bash 5), else whole seconds since the shell started; to
# milliseconds whatever the locale's decimal separator.
__ntfybar_ms() {
    local d=${1//[!0-9]/}
    REPLY=$((10#$d / 1000))
}

# The DEBUG trap: runs before every simple command; the first one after a prompt marks the start (for bash before
# 4.4, and for a PS0 that something replaced) and is the command text when history has none.
__ntfybar_preexec() {
    [ -n "${__ntfybar_armed-}" ] || return 0
    [ -z "${COMP_LINE-}" ] || return 0
    case $BASH_COMMAND in __ntfybar_*) return 0 ;; esac
    # Commands of PROMPT_COMMAND that run after ours are not the user's.
    case " ${PROMPT_COMMAND[*]-} " in *[[:space:]\;]"$BASH_COMMAND"[[:space:]\;]*) return 0 ;; esac
    __ntfybar_armed=
    __ntfybar_cmd=$BASH_COMMAND
    __ntfybar_dbg_start=${EPOCHREALTIME:-$SECONDS.000000}
    return 0
}

# REPLY: the command line that just ended: the newest history entry when it added one (HISTCMD moved on since the
# last prompt, given as $1), else the first simple command as bash shows it (a line that starts with a space under
# HISTCONTROL=ignorespace, history off).
__ntfybar_text() {
    REPLY=${__ntfybar_cmd-}
    if [ -n "$1" ] && [ "$HISTCMD" != "$1" ]; then
        local entry
        entry=$(HISTTIMEFORMAT= builtin history 1 2>/dev/null)
        [[ $entry =~ ^[[:space:]]*[0-9]+[*]?[[:space:]]+(.*)$ ]] && REPLY=${BASH_REMATCH[1]}
    fi
    [ -n "$REPLY" ] || REPLY=command
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
    local s=$? start=${__ntfybar_ps0_start:-${__ntfybar_dbg_start-}} histcmd=${__ntfybar_histcmd-} now
    __ntfybar_ps0_start= __ntfybar_dbg_start= __ntfybar_histcmd=$HISTCMD
    if [ -n "$start" ]; then
        __ntfybar_ms "${EPOCHREALTIME:-$SECONDS.000000}"
        now=$REPLY
        __ntfybar_ms "$start"
        local elapsed=$((now - REPLY))
        if [ "$elapsed" -gt "$__ntfybar_threshold_ms" ]; then
            __ntfybar_text "$histcmd"
            if ! __ntfybar_ignored "$REPLY" && ! __ntfybar_focused; then
                (__ntfybar_run done --finished "$REPLY" --exit-code "$s" --millis "$elapsed" @@ARGS@@ \
                    </dev/null >/dev/null 2>&1 &)
            fi
        fi
    fi
    __ntfybar_cmd=
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
# bash 4.4+: PS0 is expanded in this shell right after a command line is read, also for a line that is only a
# subshell "( ... )", where no DEBUG trap fires. Its expansion here prints nothing; it only notes the start time.
if [ $((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1])) -ge 404 ] && shopt -q promptvars; then
    declare -gA __ntfybar_ps0
    case ${PS0-} in
        *__ntfybar_ps0*) ;;
        *) PS0='${__ntfybar_ps0[${__ntfybar_ps0_start:=${EPOCHREALTIME:-$SECONDS.000000}}]-}'"${PS0-}" ;;
    esac
fi
__ntfybar_armed=
