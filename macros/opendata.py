"""Open data and citation files, written beside the pages at build time (see outputs.py).

    <site>/data/<kind>.json          every entry of data/<kind>.yml, validated, as JSON
    <site>/data/<kind>.schema.json   its JSON Schema (schema.py: the same text as data/schema/)
    <site>/data/references.bib       the bibliography as BibTeX
    <site>/data/references.ris       the bibliography as RIS
    <site>/data/references.csl.json  the bibliography as CSL-JSON

Every file is UTF-8 with "\\n" line ends and no date or random part in it, so two builds of
the same data give the same bytes. JSON keys are sorted; entries keep their order in data/.
The CSL-JSON file is `references.csl.json` because `references.json` is already the data file.

How a reference maps to each format:

    kind        CSL-JSON          RIS    BibTeX
    article     article-journal   JOUR   @article
    book        book              BOOK   @book
    guideline   report            RPRT   @techreport (type = Guideline)
    webpage     webpage           ELEC   @misc (howpublished = the site)

A guideline that came out in a journal (it has a volume or a DOI) is cited as the journal
article it is. Authors written "Family Initials" (Neumann DA, Chang W-J) are people; any other
author (NHS, HerniaSurge Group) is an organisation and is kept whole. `authors_complete: false`
becomes "and others" in BibTeX and a note ("et al.") in RIS and CSL-JSON, which have no
field for it.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from .models import KINDS, Reference
from .schema import schema_text

FOLDER = "data"
CITATION_FILES = {
    "bibtex": f"{FOLDER}/references.bib",
    "ris": f"{FOLDER}/references.ris",
    "csl": f"{FOLDER}/references.csl.json",
}
INCOMPLETE = "et al.: the record we checked lists more authors than are given here."


def data_file(kind: str) -> str:
    return f"{FOLDER}/{kind}.json"


def schema_file(kind: str) -> str:
    return f"{FOLDER}/{kind}.schema.json"


def write_open_data(data, site_dir: Path, conf: dict) -> list[Path]:
    """The writer registered in outputs.WRITERS."""
    written = []
    for rel, text in files(data).items():
        path = Path(site_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def files(data) -> dict[str, str]:
    """Every file this module writes: path under the site -> its text."""
    out = {}
    for kind in KINDS:
        out[data_file(kind)] = data_json(data, kind)
        out[schema_file(kind)] = schema_text(kind)
    refs = list(data.references.values())
    out[CITATION_FILES["bibtex"]] = bibtex(refs)
    out[CITATION_FILES["ris"]] = ris(refs)
    out[CITATION_FILES["csl"]] = _json(csl_json(refs))
    return out


def _json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def data_json(data, kind: str) -> str:
    """{kind: [entries]}: the shape of the YAML file, so its schema checks it as it is."""
    return _json({kind: [entry.model_dump(mode="json") for entry in data.kind(kind).values()]})


# ---------------------------------------------------------------- names and kinds


@dataclass(frozen=True)
class Name:
    family: str  # a person's family name, or an organisation's whole name
    given: str = ""  # initials with full stops ("D. A."); empty for an organisation

    @property
    def is_person(self) -> bool:
        return bool(self.given)


def _is_initials(word: str) -> bool:
    letters = word.replace("-", "")
    return 1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() and not word.startswith("-")


def parse_name(author: str) -> Name:
    """'Neumann DA' -> Neumann, D. A.; 'Chang W-J' -> Chang, W.-J.; 'NHS Borders' stays whole."""
    family, _, last = author.rpartition(" ")
    if family and _is_initials(last):
        return Name(family, "-".join(" ".join(f"{c}." for c in part) for part in last.split("-")))
    return Name(author)


def in_journal(ref: Reference) -> bool:
    return ref.kind == "article" or (ref.kind == "guideline" and bool(ref.volume or ref.doi))


def csl_type(ref: Reference) -> str:
    if in_journal(ref):
        return "article-journal"
    return {"book": "book", "guideline": "report", "webpage": "webpage"}[ref.kind]


def page_range(pages: str | None) -> tuple[str, str]:
    """('82', '94') from '82-94'; ('afac205', '') for an article number."""
    if not pages:
        return "", ""
    first, _, last = pages.replace("–", "-").partition("-")
    return first.strip(), last.strip()


def _accessed(ref: Reference) -> bool:
    """Web pages and reports found on the web are cited with the date we read them."""
    return bool(ref.url) and csl_type(ref) in ("webpage", "report")


# ---------------------------------------------------------------- BibTeX (pybtex)

# LaTeX's special characters as text. Braces become commands, not \{ \}: BibTeX counts every
# brace, escaped or not, so a lone "{" would unbalance the entry.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def latex(text: str) -> str:
    return "".join(_LATEX.get(c, c) for c in text)


_WORD = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


def latex_title(title: str) -> str:
    """Escaped, with words such as MRI or McGill in braces so styles that change case keep them."""

    def word(match: re.Match) -> str:
        core = match.group(2)
        text = latex(core)
        if any(c.isupper() for c in core[1:]):
            text = f"{{{text}}}"
        return latex(match.group(1)) + text + latex(match.group(3))

    return " ".join(_WORD.sub(word, w) for w in title.split(" "))


def verbatim(value: str) -> str:
    """url and doi are verbatim fields: no LaTeX escapes (they would become part of the
    address); the three characters that could still break the entry are percent-encoded."""
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _person(name: Name):
    from pybtex.database import Person

    if name.is_person:
        return Person(last=latex(name.family), first=latex(name.given))
    return Person(last=f"{{{latex(name.family)}}}")


def bibtex_entry(ref: Reference):
    from pybtex.database import Entry, Person

    kind = csl_type(ref)
    entry_type = {"article-journal": "article", "book": "book", "report": "techreport", "webpage": "misc"}[kind]
    container_field = {
        "article-journal": "journal",
        "book": "publisher",
        "report": "institution",
        "webpage": "howpublished",
    }[kind]
    first, last = page_range(ref.pages)
    fields = [
        ("title", latex_title(ref.title)),
        (container_field, latex(ref.container)),
        ("type", "Guideline" if kind == "report" else ""),
        ("edition", latex(ref.edition or "")),
        ("year", str(ref.year or "")),
        ("volume", latex(ref.volume or "")),
        ("number", latex(ref.issue or "")),
        ("pages", latex(f"{first}--{last}" if last else first)),
        ("doi", verbatim(ref.doi or "")),
        ("pmid", ref.pmid or ""),
        ("pmcid", ref.pmcid or ""),
        ("isbn", ref.isbn or ""),
        ("url", verbatim(ref.url or "")),
        ("urldate", ref.verified.date.isoformat() if _accessed(ref) else ""),
    ]
    authors = [_person(parse_name(a)) for a in ref.authors]
    if not ref.authors_complete:
        authors.append(Person("others"))
    return Entry(entry_type, fields=[(k, v) for k, v in fields if v], persons={"author": authors})


def bibtex(refs: list[Reference]) -> str:
    # pybtex and rispy load only when the files are written (after the pages are built), so
    # they add nothing to the start of a build or to `make validate`.
    from pybtex.database import BibliographyData
    from pybtex.database.output.bibtex import Writer

    class OurEscapes(Writer):
        """pybtex's writer with our escaping: every value is escaped (or left verbatim) before
        it gets here, because pybtex's own LaTeX codec escapes url and doi (a\\_b) and leaves
        $ ^ \\ alone."""

        def _encode(self, text):
            return text

    bib = BibliographyData(entries=OrderedDict((ref.id, bibtex_entry(ref)) for ref in refs))
    return OurEscapes(encoding="UTF-8").to_string(bib)


# ---------------------------------------------------------------- RIS (rispy)


def _ris_name(name: Name) -> str:
    return f"{name.family}, {name.given}" if name.is_person else name.family


def ris_record(ref: Reference) -> dict:
    kind = csl_type(ref)
    first, last = page_range(ref.pages)
    record = {
        "type_of_reference": {"article-journal": "JOUR", "book": "BOOK", "report": "RPRT", "webpage": "ELEC"}[kind],
        "id": ref.id,
        "authors": [_ris_name(parse_name(a)) for a in ref.authors],
        "title": ref.title,
        ("publisher" if kind in ("book", "report") else "secondary_title"): ref.container,
        "type_of_work": "Guideline" if ref.kind == "guideline" else "",
        "edition": ref.edition or "",
        "year": str(ref.year or ""),
        "volume": ref.volume or "",
        "number": ref.issue or "",
        "start_page": first,
        "end_page": last,
        "doi": ref.doi or "",
        "accession_number": ref.pmid or "",  # the PubMed id, as PubMed's own exports put it
        "name_of_database": "PubMed" if ref.pmid else "",
        "custom2": ref.pmcid or "",  # PMCID, where EndNote and Zotero look for it
        "issn": ref.isbn or "",  # SN holds an ISBN or ISSN
        "urls": [ref.url] if ref.url else [],
        "access_date": ref.verified.date.strftime("%Y/%m/%d") if _accessed(ref) else "",
        "notes": [] if ref.authors_complete else [INCOMPLETE],
    }
    return {key: value for key, value in record.items() if value}


def ris(refs: list[Reference]) -> str:
    from rispy.writer import RisWriter

    class NoNumbers(RisWriter):
        """No "1." line before each record: the RIS format has none, and some readers stop at it."""

        def set_header(self, count):
            return ""

    return NoNumbers().formats([ris_record(ref) for ref in refs])


# ---------------------------------------------------------------- CSL-JSON


def _csl_name(name: Name) -> dict:
    return {"family": name.family, "given": name.given} if name.is_person else {"literal": name.family}


def csl_item(ref: Reference) -> dict:
    kind = csl_type(ref)
    item = {
        "id": ref.id,
        "type": kind,
        "title": ref.title,
        "author": [_csl_name(parse_name(a)) for a in ref.authors],
        ("publisher" if kind in ("book", "report") else "container-title"): ref.container,
        "genre": "Guideline" if ref.kind == "guideline" else None,
        "edition": ref.edition,
        "issued": {"date-parts": [[ref.year]]} if ref.year else None,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.pages,
        "DOI": ref.doi,
        "PMID": ref.pmid,
        "PMCID": ref.pmcid,
        "ISBN": ref.isbn,
        "URL": ref.url,
        "accessed": {"date-parts": [[ref.verified.date.year, ref.verified.date.month, ref.verified.date.day]]}
        if _accessed(ref)
        else None,
        "note": None if ref.authors_complete else INCOMPLETE,
    }
    return {key: value for key, value in item.items() if value is not None}


def csl_json(refs: list[Reference]) -> list[dict]:
    return [csl_item(ref) for ref in refs]
