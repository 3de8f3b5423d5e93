#!/usr/bin/env bash
# Makes .venv-moto at the workspace root with the pinned moto server and boto3 the client
# end-to-end tests use, unless it is already there. Needs python3 with venv and pip, and PyPI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv-moto"
want="5.2.5"
if "$venv/bin/python" -c "import moto, boto3, sys; sys.exit(moto.__version__ != '$want')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/tests/emulator/requirements.txt"
"$venv/bin/python" -c "import moto; print('moto', moto.__version__, 'in', '$venv')"
