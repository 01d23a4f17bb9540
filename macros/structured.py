"""schema.org JSON-LD for a page, built from its front matter and the entries it shows.

Plain dicts only: the theme prints them with `tojson` inside <script type="application/ld+json">.
Muscle uses the current schema.org properties (insertion, nerve, bloodSupply, muscleAction,
antagonist); schema.org no longer lists `origin`, so the origin goes into the description.
MedicalCondition carries only what a card shows in plain words: name, other names, the short
summary, what it feels like and the muscles involved. The first steps are advice, not
treatments, so there is no possibleTreatment.
"""

from __future__ import annotations


def page_graph(meta: dict, url: str, site_url: str, site_name: str, shown: dict, data, lang: str = "en") -> dict:
    muscles = [data.muscles[i] for i in dict.fromkeys(shown.get("muscles", ()))]
    names = {m.id: m.name for m in data.muscles.values()}
    plans = [_exercise_plan(data.exercises[i], url, names) for i in dict.fromkeys(shown.get("exercises", ()))]
    plans += [_routine_plan(data.routines[i], data, url) for i in dict.fromkeys(shown.get("routines", ()))]
    conditions = [_condition(data.conditions[i], url, names) for i in dict.fromkeys(shown.get("conditions", ()))]
    things = [_muscle(m, url, data) for m in muscles] + plans + conditions
    page = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#page",
        "url": url,
        "name": str(meta.get("title", site_name)),
        "description": str(meta.get("description", "")),
        "inLanguage": lang,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "medicalAudience": [
            {"@type": "MedicalAudience", "audienceType": "Patient"},
            {"@type": "MedicalAudience", "audienceType": "Clinician"},
        ],
    }
    if meta.get("last_reviewed"):
        page["lastReviewed"] = str(meta["last_reviewed"])
    if meta.get("reviewed_by"):
        page["reviewedBy"] = {"@type": "Organization", "name": str(meta["reviewed_by"])}
    if meta.get("author"):
        page["author"] = {"@type": "Organization", "name": str(meta["author"])}
    if things:
        page["about"] = [{"@id": t["@id"]} for t in things]
    return {"@context": "https://schema.org", "@graph": [page, *things]}


def _muscle(m, url: str, data) -> dict:
    return {
        "@type": "Muscle",
        "@id": f"{url}#muscle-{m.id}",
        "name": m.name,
        "description": f"{m.summary} Origin: {m.origin}",
        "insertion": m.insertion,
        "muscleAction": list(m.actions),
        "nerve": {"@type": "Nerve", "name": str(m.innervation)},
        "bloodSupply": [{"@type": "Vessel", "name": v} for v in m.blood_supply],
        "antagonist": [{"@type": "Muscle", "name": data.muscles[a].name} for a in m.antagonists],
    }


def _condition(c, url: str, muscle_names: dict) -> dict:
    node = {
        "@type": "MedicalCondition",
        "@id": f"{url}#condition-{c.id}",
        "name": c.name,
        "description": c.summary,
        "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": s.rstrip(".")} for s in c.feels_like],
    }
    if c.also_called:
        node["alternateName"] = list(c.also_called)
    if c.muscles:
        node["associatedAnatomy"] = [{"@type": "Muscle", "name": muscle_names[m]} for m in c.muscles]
    return node


def _exercise_plan(e, url: str, muscle_names: dict) -> dict:
    plan = {
        "@type": "ExercisePlan",
        "@id": f"{url}#exercise-{e.id}",
        "name": e.name,
        "description": e.summary,
        "exerciseType": e.kind,
        "activityFrequency": e.dose.frequency,
        "associatedAnatomy": [{"@type": "Muscle", "name": muscle_names[n]} for n in e.muscles.target],
    }
    if e.dose.hold_seconds:
        plan["activityDuration"] = f"PT{e.dose.hold_seconds}S"
    if e.dose.reps:
        plan["repetitions"] = e.dose.reps
    return plan


def _routine_plan(r, data, url: str) -> dict:
    targets = dict.fromkeys(t for s in r.steps for t in data.exercises[s.exercise].muscles.target)
    return {
        "@type": "ExercisePlan",
        "@id": f"{url}#routine-{r.id}",
        "name": r.name,
        "description": r.summary,
        "activityDuration": f"PT{r.minutes}M",
        "associatedAnatomy": [{"@type": "Muscle", "name": data.muscles[t].name} for t in targets],
    }
