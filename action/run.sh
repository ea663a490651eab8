#!/usr/bin/env bash
# Runs gplint as action.yml's inputs say: once for the SARIF log (when a
# file is named), once with --format github for the annotations and the
# step summary. The exit code (0 clean, 1 findings, 2 unreadable input)
# goes to the step's output `exit-code`, so the SARIF is uploaded before
# the job fails.
#
# Environment: GPLINT_ARGS (split at spaces), GPLINT_SARIF (may be empty),
# GITHUB_OUTPUT.
set -euo pipefail

read -r -a args <<< "${GPLINT_ARGS:?set GPLINT_ARGS}"
status=0
if [ -n "${GPLINT_SARIF:-}" ]; then
  gplint "${args[@]}" --format sarif --output "$GPLINT_SARIF" || status=$?
fi
annotations=0
gplint "${args[@]}" --format github || annotations=$?
[ -n "${GPLINT_SARIF:-}" ] || status=$annotations
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
echo "gplint exited with $status"
