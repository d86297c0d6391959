#!/bin/sh
# Migrates, loads demo data when SEED_DEMO=true, then runs the given command.
set -e
doorstep migrate
if [ "${SEED_DEMO:-false}" = "true" ]; then doorstep seed --demo; fi
exec doorstep "$@"
