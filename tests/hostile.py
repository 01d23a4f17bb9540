"""Hostile strings appended to every prose field of every data file, and a check that none went live.

Used by test_hostile.py (the built HTML) and test_browser.py (hovering every tooltip).
Prose fields are found from the models: every text field without a pattern (ids, DOIs,
URLs and dates have patterns or types of their own and are left alone).
"""

from __future__ import annotations

import itertools
import json
import re
import typing
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import yaml
from pydantic import BaseModel

from macros.models import KINDS

MARK = "zq"  # marks the payloads so the checks can find them
PAYLOADS = [
    f'<img src=x onerror=alert("{MARK}1")>',
    f'"><svg onload=alert("{MARK}2")>',
    f"'><script>alert('{MARK}3')</script>",
    f"[{MARK}4](javascript:alert(1))",
    f"![{MARK}5](http://example.invalid/{MARK}.png)",
    f'<a href="javascript:alert(1)">{MARK}6</a>',
    f'<a href="data:text/html,x">{MARK}7</a>',
    f"{{{{ 7*7 }}}} {{% raw %}} {MARK}8",
    f"</script><script>alert('{MARK}9')</script>",
    f"<style>body{{display:none}}</style>{MARK}10",
    f'<iframe src="http://example.invalid/{MARK}"></iframe>',
    f"*{MARK}em* **{MARK}strong** `{MARK}code`",
    f'<a href="http://example.invalid/" title="x" onmouseover="alert(1)">{MARK}13</a>',
]


def _limit(metadata) -> int | None:
    """The length limit of a str field without a pattern (free text a contributor writes)."""
    for meta in metadata:
        if getattr(meta, "max_length", None) and not getattr(meta, "pattern", None):
            return meta.max_length
    return None


def _inner(annotation):
    """(kind, inner annotation): 'list' for lists, 'model' for nested models, 'text' otherwise."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base = typing.get_args(annotation)[0]
        if typing.get_origin(base) is list:
            return "list", typing.get_args(base)[0]
        return "text", annotation
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _inner(arg)
    if origin is list:
        return "list", typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", annotation


def poison(value, annotation, payloads, metadata=()):
    """`value` with a payload appended wherever the model says it is prose."""
    kind, inner = _inner(annotation)
    if kind == "model" and isinstance(value, dict):
        return poison_entry(value, inner, payloads)
    if kind == "list" and isinstance(value, list):
        return [poison(item, inner, payloads) for item in value]
    limit = _limit(getattr(inner, "__metadata__", ()) if kind == "text" else metadata)
    if isinstance(value, str) and limit:
        payload = next(payloads)
        return (value[: max(0, limit - len(payload) - 1)] + " " + payload).strip()
    return value


def poison_entry(entry: dict, model: type[BaseModel], payloads) -> dict:
    fields = model.model_fields
    return {
        key: poison(value, fields[key].annotation, payloads, fields[key].metadata) if key in fields else value
        for key, value in entry.items()
    }


def poison_data(data_dir: Path) -> None:
    """Rewrite every data file with a payload appended to each prose field."""
    for kind, model in KINDS.items():
        # A fresh cycle per file, so which payload lands where does not shift when another
        # file gains a field (the tooltip test relies on definitions getting tag payloads).
        payloads = itertools.cycle(PAYLOADS)
        path = data_dir / f"{kind}.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))[kind]
        poisoned = [poison_entry(entry, model, payloads) for entry in entries]
        path.write_text(yaml.safe_dump({kind: poisoned}, allow_unicode=True, sort_keys=False), encoding="utf-8")


OWN_SCRIPT = re.compile(r"^(\.{1,2}/|/[\w-]+/|/)*assets/[\w./-]+\.js$")


def live_markup(root: lxml.html.HtmlElement) -> list[str]:
    """Everything on a parsed page that a payload could have made live."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{el.tag} {name}=…> event handler")
            if name in ("href", "src", "xlink:href", "action", "formaction") or name.endswith("}href"):
                scheme = urlparse(value.strip()).scheme.lower()
                if scheme in ("javascript", "data", "vbscript"):
                    found.append(f"<{el.tag} {name}={value[:40]!r}>")
                if name != "href" and scheme in ("http", "https"):
                    found.append(f"<{el.tag} {name}={value[:40]!r}> loads from another site")
        if el.tag in ("iframe", "object", "embed", "style", "img") and MARK in lxml.html.tostring(
            el, encoding="unicode"
        ):
            found.append(f"<{el.tag}> from data")
        if el.tag == "script":
            kind = el.get("type", "")
            if kind in ("application/json", "application/ld+json"):
                try:
                    json.loads(el.text or "")
                except ValueError:
                    found.append("a JSON block that does not parse (a payload broke out of it)")
            elif not OWN_SCRIPT.match(el.get("src", "")):
                found.append(f"<script> {el.get('src') or (el.text or '')[:40]!r}")
        if el.tag in ("em", "strong", "code") and re.fullmatch(rf"{MARK}(em|strong|code)", el.text_content()):
            found.append(f"Markdown from data became <{el.tag}>")
    text = root.text_content()
    if MARK in text and "{{ 7*7 }}" not in text and "49 {%" in text:
        found.append("template syntax from data was evaluated")
    return found
