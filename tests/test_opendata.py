"""Open data and citation files (macros/opendata.py), the Data page's links and the "Cite this page" box.

The writer is called directly on the real data (fast); the built site is checked for the same bytes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import jsonschema
import lxml.html
import pytest
import rispy
from pybtex.database import parse_string

from helpers import FIXTURES, ROOT, built_path
from macros import opendata
from macros.figures import Figures
from macros.links import Links
from macros.load import load
from macros.models import KINDS, Reference
from macros.opendata import CITATION_FILES, data_file, parse_name, schema_file
from macros.problems import MacroError
from macros.render import Renderer


@pytest.fixture(scope="module")
def written(data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("opendata")
    paths = opendata.write_open_data(data, out, {})
    assert sorted(p.relative_to(out).as_posix() for p in paths) == sorted(opendata.files(data))
    return out


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- data as JSON


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_data_file_validates_against_its_schema_and_keeps_every_entry(written, data, kind):
    document = read_json(written / data_file(kind))
    schema = read_json(written / schema_file(kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert list(document) == [kind]
    assert [e["id"] for e in document[kind]] == list(data.kind(kind)), "every entry, in the order of data/"


@pytest.mark.parametrize("kind", list(KINDS))
def test_published_schema_is_the_committed_one(written, kind):
    """One source of truth: macros/schema.py writes both."""
    assert (written / schema_file(kind)).read_bytes() == (ROOT / "data" / "schema" / f"{kind}.schema.json").read_bytes()


def test_a_schema_rejects_what_data_would_refuse(written):
    """The check above can fail: a misspelt field is refused by the published schema."""
    document = read_json(written / data_file("muscles"))
    document["muscles"][0]["orgin"] = "x"
    schema = read_json(written / schema_file("muscles"))
    with pytest.raises(jsonschema.ValidationError, match="orgin"):
        jsonschema.validate(document, schema)


def test_json_is_the_validated_data_with_iso_dates_and_sorted_keys(written, data):
    document = read_json(written / data_file("references"))
    first = next(iter(data.references.values()))
    assert document["references"][0] == first.model_dump(mode="json")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", document["references"][0]["verified"]["date"])
    for kind in KINDS:
        text = (written / data_file(kind)).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=True) + "\n", kind


WRITE = (
    "import sys; from pathlib import Path; from macros.load import load; from macros.opendata import write_open_data; "
)
WRITE += "write_open_data(load(Path('data')), Path(sys.argv[1]), {})"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_runs_give_the_same_bytes(written, tmp_path):
    """A fresh process, another hash seed, another directory: byte for byte the same files."""
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-c", WRITE, str(tmp_path)], cwd=ROOT, env=env, check=True)
    assert tree(tmp_path) == tree(written)


@pytest.mark.slow
def test_the_build_publishes_the_same_files(real_site, written):
    published = {rel: (real_site / rel).read_bytes() for rel in tree(written)}
    assert published == tree(written)


# ---------------------------------------------------------------- names and kinds


@pytest.mark.parametrize(
    ("author", "family", "given"),
    [
        ("Neumann DA", "Neumann", "D. A."),
        ("Chang W-J", "Chang", "W.-J."),
        ("Hunter SMW", "Hunter", "S. M. W."),
        ("Navarro López V", "Navarro López", "V."),
        ("van der Velde N", "van der Velde", "N."),
        ("del-Blanco-Muñiz JÁ", "del-Blanco-Muñiz", "J. Á."),
        ("NHS", "NHS", ""),
        ("NHS Borders", "NHS Borders", ""),
        ("HerniaSurge Group", "HerniaSurge Group", ""),
        (
            "Task Force on Global Guidelines for Falls in Older Adults",
            "Task Force on Global Guidelines for Falls in Older Adults",
            "",
        ),
    ],
)
def test_people_and_organisations(author, family, given):
    assert parse_name(author) == opendata.Name(family, given)


def reference(**fields) -> Reference:
    base = {
        "id": "test-2020",
        "kind": "article",
        "authors": ["Smith AB", "NHS Borders"],
        "year": 2020,
        "title": "A title",
        "container": "A journal",
        "pmid": "123",
        "verified": {"how": "Checked.", "date": "2026-11-21"},
    }
    return Reference.model_validate(base | fields)


# ---------------------------------------------------------------- BibTeX

HARD_TITLE = r"Fish & chips: 100% of $5 in snake_case {braces} ^ ~ \ # and a lone { brace"


def from_latex(text: str) -> str:
    """Undo opendata.latex, for the round trip below."""
    for plain, escaped in sorted(opendata._LATEX.items(), key=lambda item: -len(item[1])):
        text = text.replace(escaped, plain)
    return text


def test_bibtex_escapes_special_characters_and_keeps_urls_verbatim():
    ref = reference(
        title=HARD_TITLE,
        doi="10.1000/ab_c(1)%2",
        url="https://example.org/a_b%20c?x=1&y=2#part",
        container="Bones & Joints",
    )
    text = opendata.bibtex([ref])
    entry = parse_string(text, "bibtex").entries["test-2020"]
    assert entry.fields["title"] == (
        r"Fish \& chips: 100\% of \$5 in snake\_case \textbraceleft{}braces\textbraceright{} "
        r"\textasciicircum{} \textasciitilde{} \textbackslash{} \# and a lone \textbraceleft{} brace"
    )
    assert from_latex(entry.fields["title"]) == HARD_TITLE
    assert entry.fields["journal"] == r"Bones \& Joints"
    assert entry.fields["doi"] == "10.1000/ab_c(1)%2", "a DOI is verbatim: no \\_"
    assert entry.fields["url"] == "https://example.org/a_b%20c?x=1&y=2#part"
    assert [str(p) for p in entry.persons["author"]] == ["Smith, A. B.", "{NHS Borders}"]


def test_bibtex_protects_capitals_that_styles_would_lower():
    text = opendata.bibtex([reference(title="MRI of the psoas (NICE NG59) in McGill's study")])
    title = parse_string(text, "bibtex").entries["test-2020"].fields["title"]
    assert title == "{MRI} of the psoas ({NICE} {NG59}) in {McGill's} study"


def test_bibtex_parses_back_with_every_reference(written, data):
    bib = parse_string((written / CITATION_FILES["bibtex"]).read_text(encoding="utf-8"), "bibtex")
    assert list(bib.entries) == list(data.references)
    for ref in data.references.values():
        entry = bib.entries[ref.id]
        authors = [str(p) for p in entry.persons["author"]]
        assert (authors[-1] == "others") == (not ref.authors_complete), ref.id
        assert len(authors) == len(ref.authors) + (not ref.authors_complete), ref.id
        for field, value in (
            ("doi", ref.doi),
            ("pmid", ref.pmid),
            ("pmcid", ref.pmcid),
            ("isbn", ref.isbn),
            ("url", ref.url),
        ):
            assert entry.fields.get(field) == value, (ref.id, field)
        assert entry.fields.get("year") == (str(ref.year) if ref.year else None), ref.id
    types = {bib.entries[r.id].type for r in data.references.values()}
    assert types == {"article", "book", "techreport", "misc"}
    nice = bib.entries["nice-2016-ng59"]
    assert (nice.type, nice.fields["type"], nice.fields["institution"]) == (
        "techreport",
        "Guideline",
        "National Institute for Health and Care Excellence (NICE)",
    )
    assert bib.entries["mottola-2018"].type == "article", "a guideline a journal published is its article"
    assert bib.entries["ekstrom-2007"].fields["pages"] == "754--762"


# ---------------------------------------------------------------- RIS


def test_ris_loads_back_with_every_reference(written, data):
    text = (written / CITATION_FILES["ris"]).read_text(encoding="utf-8")
    assert text.startswith("TY  - "), "no numbered header line before a record"
    assert not re.search(r"^\d+\.$", text, re.M)
    records = rispy.loads(text)
    assert [r["id"] for r in records] == list(data.references)
    by_id = {r["id"]: r for r in records}
    for ref in data.references.values():
        record = by_id[ref.id]
        assert len(record["authors"]) == len(ref.authors), ref.id
        assert record.get("doi") == ref.doi and record.get("accession_number") == ref.pmid, ref.id
        assert record.get("custom2") == ref.pmcid and record.get("issn") == ref.isbn, ref.id
        assert record.get("urls", [None])[0] == ref.url, ref.id
        incomplete = [n for n in record.get("notes", []) if "et al." in n]
        assert bool(incomplete) == (not ref.authors_complete), ref.id
    assert by_id["neumann-2010"]["authors"] == ["Neumann, D. A."]
    assert (by_id["neumann-2010"]["start_page"], by_id["neumann-2010"]["end_page"]) == ("82", "94")
    assert {r["type_of_reference"] for r in records} == {"JOUR", "BOOK", "RPRT", "ELEC"}
    assert by_id["nhs-back-pain"]["access_date"] == "2026/11/21"


# ---------------------------------------------------------------- CSL-JSON


def test_csl_json_loads_and_citeproc_renders_every_reference(written, data):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = read_json(written / CITATION_FILES["csl"])
    assert [i["id"] for i in items] == list(data.references)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(data.references)
    neumann = next(r for r in rendered if "Kinesiology of the hip" in r)
    assert neumann.startswith("Neumann, D.A. (2010)") and "https://doi.org/10.2519/jospt.2010.3025" in neumann
    by_id = {i["id"]: i for i in items}
    assert by_id["nhs-back-pain"]["author"] == [{"literal": "NHS"}]
    assert by_id["nhs-back-pain"]["type"] == "webpage"
    assert by_id["nice-2016-ng59"]["type"] == "report" and by_id["nice-2016-ng59"]["genre"] == "Guideline"
    assert by_id["neumann-2017"]["type"] == "book" and by_id["neumann-2017"]["ISBN"] == "9780323287531"
    for ref in data.references.values():
        item = by_id[ref.id]
        assert ("note" in item) == (not ref.authors_complete), ref.id
        for key, value in (("DOI", ref.doi), ("PMID", ref.pmid), ("PMCID", ref.pmcid), ("URL", ref.url)):
            assert item.get(key) == value, (ref.id, key)


# ---------------------------------------------------------------- the open_data macro


@pytest.fixture(scope="module")
def render():
    mini = FIXTURES / "minisite"
    return Renderer(load(mini / "data", root=mini), Figures(mini / "figures"), links=lambda: Links("data/", True, {}))


def test_open_data_links_every_file_from_the_page(render):
    root = lxml.html.fragment_fromstring(str(render.open_data("data")), create_parent="div")
    hrefs = root.xpath(".//a/@href")
    assert hrefs == [f"../{f(kind)}" for kind in KINDS for f in (data_file, schema_file)]
    assert len(root.xpath(".//tbody/tr")) == len(KINDS)
    assert all(th.text_content().strip() for th in root.xpath(".//th[@scope='row']"))
    root = lxml.html.fragment_fromstring(str(render.open_data("citations")), create_parent="div")
    assert root.xpath(".//a/@href") == [f"../{CITATION_FILES[k]}" for k in ("bibtex", "ris", "csl")]


def test_open_data_refuses_an_unknown_part(render):
    with pytest.raises(MacroError, match=r"open_data\('citation'\): which must be one of data, citations"):
        render.open_data("citation")


@pytest.mark.slow
def test_every_link_on_the_data_page_resolves_in_the_built_site(real_site):
    page = "data.md"
    root = lxml.html.parse(str(real_site / built_path(page))).getroot()
    base = "https://site.invalid/" + built_path(page)
    hrefs = [a.get("href") for a in root.xpath("//article//a[@href]")]
    missing = []
    for href in hrefs:
        url = urlparse(urljoin(base, href))
        if url.netloc != "site.invalid":
            continue
        target = real_site / url.path.lstrip("/")
        if url.path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            missing.append(href)
    assert not missing, f"links on the Data page with no file behind them: {missing}"
    published = {f"../{rel}" for rel in opendata.files(load(ROOT / "data", root=ROOT))}
    assert published <= set(hrefs), f"the Data page does not link {sorted(published - set(hrefs))}"


# ---------------------------------------------------------------- "Cite this page"


@pytest.mark.slow
def test_cite_box_on_articles_only_with_the_page_facts(real_site):
    from macros.pages import read_page

    article = lxml.html.parse(str(real_site / built_path("anatomy/iliopsoas.md"))).getroot()
    boxes = article.xpath("//article//details[@class='cite-page']")
    assert len(boxes) == 1
    box = boxes[0]
    meta = read_page(ROOT / "docs" / "anatomy" / "iliopsoas.md", ROOT / "docs").meta
    fields = dict(zip(box.xpath(".//dt/text()"), [dd.text_content() for dd in box.xpath(".//dd")], strict=True))
    url = "https://iliopsoas-guide.github.io/iliopsoas/anatomy/iliopsoas/"
    assert fields == {
        "Title": meta.title,
        "Site": "Iliopsoas & low-back tightness",
        "Address": url,
        "Last reviewed": meta.last_reviewed.isoformat(),
    }
    month = meta.last_reviewed.strftime("%B")
    expected = (
        f"Iliopsoas & low-back tightness. ({meta.last_reviewed.year}, {month} {meta.last_reviewed.day}). "
        f"{meta.title}. {url}"
    )
    assert box.xpath("string(.//p[@class='cite-page__text'])") == expected
    assert box.xpath(".//button[@hidden]"), "the Copy button waits for its script"
    for rel in ("index.md", "conditions/index.md", "exercises/index.md", "routines/index.md"):
        html = (real_site / built_path(rel)).read_text(encoding="utf-8")
        assert 'class="cite-page"' not in html, f"{rel} is not an article"
