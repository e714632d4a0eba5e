# The shape of an uncaught error on stderr: file:line, source line, caret, blank,
# the stack in V8's shape, blank, "Node.js v20...".
. ./lib.sh
F=../fixtures/cli
show() { # prints stderr lines 1-5 and the last line, frames reduced to "at NAME (FILE:LINE)"
  "$RT" "$@" >/dev/null 2>"$TMP/err" </dev/null
  echo "## $*: rc=$?"
  head -5 "$TMP/err" | norm | sed -E 's#^(    at [^(]*)\(?([^:()]*):([0-9]+):[0-9]+\)?$#\1\2:\3#' \
    | sed -E 's#/.*/tests/#tests/#'
  tail -1 "$TMP/err" | sed -E 's/v20\.[0-9.]+/v20/'
}
show $F/throw.js
show $F/syntax-main.js
show $F/syntax-req.js
show $F/reject.js
