"""environment.yml (conda) and pyproject.toml declare the same dependencies."""
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def names(requirements):
    return {re.split(r"[<>=!~ ]", r, maxsplit=1)[0].strip().lower() for r in requirements}


def test_environment_yml_lists_every_pyproject_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = names(project["dependencies"]) | {n for extra in project["optional-dependencies"].values() for n in names(extra)}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    listed = names(d for d in env if isinstance(d, str)) | {n for d in env if isinstance(d, dict) for n in names(d["pip"])}
    listed.discard("python")
    listed.discard("pip")
    assert wanted == listed, f"only in pyproject: {sorted(wanted - listed)}; only in environment.yml: {sorted(listed - wanted)}"
