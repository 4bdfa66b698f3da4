"""The README stays true: its configuration table lists exactly the settings' environment variables,
and the commands it promises exist."""

from __future__ import annotations

import re

from ofsted_assistant.settings import ENV_VARS, PROJECT_ROOT


def test_readme_configuration_table_matches_settings():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| `([a-z_.]+)` \|", readme, re.M))
    assert rows == {var: dotted for var, (dotted, _doc) in ENV_VARS.items()}


def test_readme_two_commands_exist_in_makefile():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("run", "test", "ingest", "eval", "status"):
        assert re.search(rf"^{target}:", makefile, re.M), target
        assert f"make {target}" in readme
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
