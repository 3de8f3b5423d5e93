#!/usr/bin/env bash
# Makes .venv at the workspace root with the pinned botocore the conformance test runs,
# unless it is already there. Needs python3 with venv and pip, and the PyPI registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
want="1.35.5"
if "$venv/bin/python" -c "import botocore, sys; sys.exit(botocore.__version__ != '$want')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/tests/conformance/requirements.txt"
"$venv/bin/python" -c "import botocore; print('botocore', botocore.__version__, 'in', '$venv')"
