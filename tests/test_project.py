"""The project around the site: CI entry point, GitHub workflows, templates."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
# Actions we use, each pinned to the full commit SHA of a release we checked.
KNOWN_ACTIONS = {"actions/checkout", "actions/setup-python", "actions/configure-pages",
                 "actions/upload-pages-artifact", "actions/deploy-pages"}


def test_ci_script_runs_make_test():
    lines = [l.strip() for l in (ROOT / ".ci/run").read_text().splitlines() if l.strip() and not l.startswith("#")]
    assert "make test" in lines
    assert any("apt-get install" in l and "chromium" in l for l in lines), "CI installs Debian's chromium"
    assert not any("|| true" in l or "--exitfirst" in l for l in lines)


def test_workflows_are_valid_and_pin_real_actions_by_sha():
    assert {p.name for p in WORKFLOWS} == {"checks.yml", "deploy.yml"}
    for path in WORKFLOWS:
        flow = yaml.safe_load(path.read_text())
        assert flow["permissions"] == {"contents": "read"}, f"{path.name}: least privilege by default"
        for job in flow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    action, _, ref = step["uses"].partition("@")
                    assert action in KNOWN_ACTIONS, step["uses"]
                    assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{step['uses']}: pin by commit SHA"


def test_deploy_uses_pages_artifact_with_minimal_permissions():
    flow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert flow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads `on:` as True
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.startswith("actions/deploy-pages@") for s in steps)


def test_issue_forms_and_pr_template_exist():
    for name in ("report-an-error.yml", "propose-an-exercise.yml"):
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text())
        assert form["name"] and form["body"], name
    assert "emergency box" in (ROOT / ".github/pull_request_template.md").read_text()


def test_lint_passes():
    """`make lint` is part of `make test`, so CI runs the same checks as pre-commit."""
    import subprocess
    result = subprocess.run(["make", "--no-print-directory", "lint"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_pre_commit_hooks_match_make_lint():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    makefile = (ROOT / "Makefile").read_text()
    for hook in hooks:
        tool = hook["entry"].split()[0].removeprefix(".venv/bin/")
        assert f"$(BIN)/{tool}" in makefile, f"make lint does not run {tool}"
