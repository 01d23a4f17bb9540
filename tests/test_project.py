"""The project around the site: CI entry point, GitHub workflows, lint, pinned tools."""

from __future__ import annotations

import re
import subprocess

import yaml

from helpers import ROOT
from macros.models import KINDS
from macros.render import MACROS

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
# Actions we use, each pinned to the full commit SHA of a release we checked.
KNOWN_ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/upload-artifact",
    "actions/deploy-pages",
}


def recipe(target: str) -> list[str]:
    """The command lines of a Makefile target."""
    text = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", text, re.M)
    assert match, f"Makefile has no target {target}"
    return [line.strip() for line in match.group(1).splitlines()]


def test_ci_script_runs_make_test():
    lines = [line.strip() for line in (ROOT / ".ci/run").read_text().splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    assert "make test" in lines
    assert any("apt-get install" in line and "chromium" in line for line in lines), "CI installs Debian's chromium"
    assert not any("|| true" in line or "--exitfirst" in line for line in lines)


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


def test_deploy_runs_only_after_every_check_passes_on_that_commit():
    flow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert flow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads `on:` as True
    jobs = flow["jobs"]
    assert any(step.get("run") == "bash .ci/run" for step in jobs["checks"]["steps"])
    assert jobs["build"]["needs"] == "checks" and jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s.get("uses", "") for job in jobs.values() for s in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.startswith("actions/deploy-pages@") for s in steps)


def test_issue_forms_and_pr_template_exist():
    for name in ("report-an-error.yml", "propose-an-exercise.yml"):
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text())
        assert form["name"] and form["body"], name
    assert "emergency box" in (ROOT / ".github/pull_request_template.md").read_text()


def test_lint_passes():
    """`make lint` is part of `make test`, so CI runs the same checks as pre-commit."""
    result = subprocess.run(
        ["make", "--no-print-directory", "lint"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_pre_commit_runs_what_make_lint_runs():
    """Each hook's command is a command of the lint recipe, and each lint tool has a hook."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    lint = [line.replace("$(BIN)/", ".venv/bin/") for line in recipe("lint")]
    for hook in hooks:
        assert any(line.startswith(hook["entry"]) for line in lint), f"make lint does not run {hook['entry']}"
    hooked = {hook["entry"].split()[0] for hook in hooks}
    for line in lint:
        assert line.split()[0] in hooked, f"pre-commit has no hook for `{line}`"


def test_dev_tools_install_at_exact_versions():
    """Lighthouse, Zensical and uv come from outside the lock, so each names an exact version."""
    scripts = {
        "tools/lighthouse.sh": r"lighthouse@\d+\.\d+\.\d+\b",
        "tools/zensical.sh": r"zensical==\d+\.\d+\.\d+\b",
        "Makefile": r"uv==\d+\.\d+\.\d+\b",
    }
    for path, pin in scripts.items():
        assert re.search(pin, (ROOT / path).read_text()), f"{path} must install at an exact version ({pin})"


def test_contributing_documents_every_page_macro():
    table = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split("## Macros you can call from a page")[1]
    documented = set(re.findall(r"^\| `([a-z_]+)\(", table, re.M))
    assert set(MACROS) <= documented, f"add to CONTRIBUTING's macro table: {sorted(set(MACROS) - documented)}"
    assert documented <= set(MACROS), (
        f"CONTRIBUTING documents macros that do not exist: {sorted(documented - set(MACROS))}"
    )


def test_contributing_and_schema_name_every_data_file():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [f"data/{kind}.yml" for kind in KINDS if f"data/{kind}.yml" not in text]
    assert not missing, f"CONTRIBUTING does not mention {missing}"


def test_stylesheets_close_every_block():
    # A lost "}" (easy in a merge) silently turns the rest of a file into print-only rules.
    for sheet in sorted((ROOT / "overrides/assets").glob("*.css")):
        text = re.sub(r"/\*.*?\*/|\"[^\"]*\"|'[^']*'", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for number, line in enumerate(text.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.name}:{number}: '}}' with no block open"
        assert depth == 0, f"{sheet.name}: {depth} block(s) never closed"


def test_pull_requests_upload_screenshots_of_the_key_pages():
    """A reviewer sees a change without building it: the PR workflow runs `make screenshots`
    and uploads build/screenshots/ (where tools/screenshots.py writes) as an artifact."""
    flow = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text())
    assert "pull_request" in flow[True]  # YAML 1.1 reads `on:` as True
    steps = flow["jobs"]["test"]["steps"]
    runs = [i for i, s in enumerate(steps) if s.get("run", "").strip() == "make screenshots"]
    uploads = [i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert runs and uploads and runs[0] < uploads[0], "make screenshots runs, then its folder is uploaded"
    shots, upload = steps[runs[0]], steps[uploads[0]]
    assert upload["with"]["path"].rstrip("/") == "build/screenshots"
    assert upload["with"].get("if-no-files-found") == "error", "an empty upload must fail, not pass quietly"
    for step in (shots, upload):
        assert "pull_request" in step.get("if", ""), "screenshots are for pull requests"
    assert recipe("screenshots")[0].startswith("$(BIN)/python tools/screenshots.py")
    assert 'default=ROOT / "build" / "screenshots"' in (ROOT / "tools/screenshots.py").read_text()
