"""Read a YAML document the way every data file and front matter is read: safely, with line numbers.

- bytes that are not UTF-8 become a message naming the line, never a traceback;
- anchors and aliases (&a, *a, <<:) are refused before anything is expanded, so a few
  lines of nested aliases cannot make the build hang;
- dates stay text (the models parse them), so an impossible date such as 2027-02-30 gets
  a message naming its field instead of a traceback from the YAML library;
- a key given twice in one mapping is reported (YAML would quietly keep the last).

The document is composed into a node tree first (which knows lines and columns) and then
constructed into Python objects, so one parse serves both the data and the messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataLoader(_Base):
    """The safe loader (the C one when available) with timestamps left as strings."""


DataLoader.add_constructor("tag:yaml.org,2002:timestamp", DataLoader.construct_yaml_str)

NO_ALIASES = "anchors and aliases (&name, *name, <<:) are not allowed here: write each value out in full"


@dataclass
class Document:
    """One parsed YAML document: the node tree (None if it could not be read), the values, problems."""

    tree: yaml.Node | None = None
    value: object = None
    problems: list[Problem] = field(default_factory=list)


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """Text of a file, or a Problem pointing at the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(
            rel, line, column, None, f"byte 0x{raw[error.start]:02x} is not valid UTF-8; save the file as UTF-8"
        )


def parse(text: str, rel: str) -> Document:
    """Parse one YAML document (front matter is passed with blank lines before it, so lines match)."""
    try:
        for event in yaml.parse(text, Loader=DataLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                return Document(problems=[Problem(rel, mark.line + 1, mark.column + 1, None, NO_ALIASES)])
        loader = DataLoader(text)
        try:
            tree = loader.get_single_node()
            problems = repeated_keys(tree, rel)  # before constructing, which folds merge keys away
            value = loader.construct_document(tree) if tree is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return Document(
            problems=[
                Problem(
                    rel, mark.line + 1, mark.column + 1, None, f"YAML syntax error: {error.problem or error.context}"
                )
            ]
        )
    except yaml.YAMLError as error:  # e.g. a stray control character, which carries no mark
        return Document(problems=[Problem(rel, None, None, None, f"YAML error: {error}")])
    return Document(tree, value, problems)


def repeated_keys(tree, rel: str) -> list[Problem]:
    """A key given twice in one mapping (and merge keys), named with the entry they sit in."""
    problems, stack = [], [(tree, None)]
    while stack:
        node, entry = stack.pop()
        if isinstance(node, yaml.MappingNode):
            entry = entry or entry_id(node)
            seen = set()
            for key, value in node.value:
                where = (rel, key.start_mark.line + 1, key.start_mark.column + 1, entry)
                if key.value == "<<":
                    problems.append(Problem(*where, NO_ALIASES))
                elif key.value in seen:
                    problems.append(Problem(*where, f"key '{key.value}' appears twice in the same entry"))
                seen.add(key.value)
                stack.append((value, entry))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, entry) for item in node.value)
    return problems


def entry_id(node) -> str | None:
    """The `id:` of a mapping node, if it has one."""
    for key, value in node.value:
        if key.value == "id" and isinstance(value, yaml.ScalarNode):
            return value.value
    return None


def node_at(node, loc):
    """The deepest node along loc (keys and list indexes); for an unknown key, the mapping."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            children = {key.value: value for key, value in node.value}
            if part not in children:
                return node
            node = children[part]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def key_node(tree, loc):
    """The key node of the last part of loc (where a misspelt field name is)."""
    parent = node_at(tree, loc[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _ in parent.value:
            if key.value == loc[-1]:
                return key
    return None
