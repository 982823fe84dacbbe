"""JSON Schemas of the four file kinds, for editors: made from the pydantic models of `engine/models.py`.

The schemas follow JSON Schema draft-07, which the YAML language server (VS Code's YAML
extension) implements. They describe what an editor sees: YAML 1.2, where `2021:` is a key
written as text and `yes` is text. Where the catalogue is known, indicator ids are an enum, so
an editor completes them and flags a typo. `schema/*.schema.json` are these schemas for the
shipped catalogue; a test keeps them equal to what `ipcheck schema KIND` prints.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from .. import CRITERIA_DIR, PACKAGE_DIR
from ..engine import models as m
from .outcome import Outcome

SCHEMA_DIR = PACKAGE_DIR / "schema"
DIALECT = "http://json-schema.org/draft-07/schema#"

_MODELS: dict[str, tuple[type, str, str]] = {
    "city": (m.City, "ipcheck city fact file",
             "A city's published figures, each with its source (cities/<city>.yaml)."),
    "framework": (m.Framework, "ipcheck framework file",
                  "A framework's header and its criteria, each with a check and examples (criteria/<framework>.yaml)."),
    "indicators": (m.IndicatorCatalogue, "ipcheck indicator catalogue",
                   "The indicators every framework and city file refers to (criteria/indicators.yaml)."),
    "waivers": (m.WaiverFile, "ipcheck waiver file", "Criteria set aside until a date, each with a justification."),
}

# The fields of a check that name an indicator.
INDICATOR_FIELDS = ("indicator", "numerator", "denominator", "population", "published")
_QUANTITY = "A number, or the figure as published: 5.2万件, 3.6亿元, 95% (converted exactly into the field's unit)."
_YES_NO = " For a yes/no mechanism: yes or no."


def schema_path(kind: str) -> Path:
    """Where the shipped schema of a file kind is kept."""
    return SCHEMA_DIR / f"{kind}.schema.json"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with year keys and exact decimals written as an editor sees them."""

    def dict_schema(self, schema: Any) -> Any:
        """A mapping; one keyed by year says its keys are four digits."""
        out = super().dict_schema(schema)
        keys = schema.get("keys_schema") or {}
        if keys.get("type") == "int":  # years: a YAML key reaches an editor as text
            lo, hi = keys.get("ge"), keys.get("le")
            four = lo is not None and hi is not None and 1000 <= lo <= hi <= 9999
            out["propertyNames"] = {"pattern": "^[0-9]{4}$", "description": f"a year, {lo}–{hi}"} if four else {
                "pattern": "^[0-9]+$"}
        return out

    def encode_default(self, dft: Any) -> Any:
        """A default as JSON; an exact decimal as a JSON number."""
        if isinstance(dft, Decimal):  # pydantic would write "1"; the field takes a number
            return int(dft) if dft == dft.to_integral_value() else float(dft)
        return super().encode_default(dft)


def _merge_plain_types(node: Any) -> Any:
    """`anyOf` of bare types (boolean, integer, number, string) as one `type` list, described."""
    if isinstance(node, list):
        return [_merge_plain_types(x) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _merge_plain_types(v) for k, v in node.items()}
    options = node.get("anyOf")
    if not options:
        return node
    plain = [o for o in options if set(o) == {"type"} and o["type"] != "null"]
    if len(plain) < 2:
        return node
    types = {o["type"] for o in plain}
    if "number" in types:
        types.discard("integer")
    merged: dict[str, Any] = {"type": sorted(types)}
    if {"number", "string"} <= types:
        merged["description"] = _QUANTITY + (_YES_NO if "boolean" in types else "")
    rest = [merged if o is plain[0] else o for o in options if o is plain[0] or o not in plain]
    if len(rest) > 1:
        node["anyOf"] = rest
    else:
        del node["anyOf"]
        for k, v in merged.items():
            node.setdefault(k, v)
    return node


def _indicator_ref(prop: dict) -> dict:
    """A field's schema with its id text replaced by the catalogue's enum (null stays allowed)."""
    ref = {"$ref": "#/definitions/IndicatorId"}
    if "anyOf" in prop:
        return {**prop, "anyOf": [ref if o.get("type") == "string" else o for o in prop["anyOf"]]}
    keep = {k: v for k, v in prop.items() if k in ("title", "default", "description")}
    return {**keep, "allOf": [ref]}  # draft-07 ignores the siblings of a bare $ref


def _indicator_keys(facts: dict, years_def: str, catalogue: Any) -> dict:
    """A `facts` mapping keyed by indicator id: an enum for the keys, and each id as a property
    (for completion, with its name and unit on hover)."""
    ref = {"$ref": f"#/definitions/{years_def}"}
    props = {}
    for ind_id, ind in catalogue.indicators.items():
        props[ind_id] = {"allOf": [ref], "description": f"{ind.name.zh} ({ind.name.en}): {ind.unit}, {ind.kind}"}
    keep = {k: v for k, v in facts.items() if k in ("title", "default", "description")}
    return {**keep, "type": "object", "propertyNames": {"$ref": "#/definitions/IndicatorId"},
            "properties": props, "additionalProperties": ref}


def _with_catalogue(schema: dict, catalogue: Any) -> None:
    """Indicator ids become the catalogue's: in every check field naming one and as `facts` keys."""
    defs = schema["definitions"]
    defs["IndicatorId"] = {"type": "string", "enum": sorted(catalogue.indicators),
                           "description": "An indicator id of the indicator catalogue (indicators.yaml)."}
    owners = [("", schema)] + [(name, d) for name, d in list(defs.items())]
    for name, owner in owners:
        props = owner.get("properties") or {}
        for field in INDICATOR_FIELDS:
            if field in props:
                props[field] = _indicator_ref(props[field])
        facts = props.get("facts")
        if facts and "patternProperties" in facts:
            (years,) = facts["patternProperties"].values()
            years_def = f"{name or owner.get('title', 'File')}FactYears"
            defs[years_def] = years
            props["facts"] = _indicator_keys(facts, years_def, catalogue)


def json_schema(kind: str, catalogue: Any = None) -> dict:
    """The JSON Schema of a file kind (city, framework, indicators, waivers).

    With the indicator catalogue, indicator ids in city and framework files are its enum.
    """
    model, title, description = _MODELS[kind]
    schema = model.model_json_schema(ref_template="#/definitions/{model}", schema_generator=_Generator)
    schema["definitions"] = schema.pop("$defs", {})
    schema = _merge_plain_types(schema)
    if catalogue is not None and kind in ("city", "framework"):
        _with_catalogue(schema, catalogue)
    if not schema["definitions"]:
        del schema["definitions"]
    schema.update({"$schema": DIALECT, "$id": f"urn:ipcheck:schema:{kind}", "title": title,
                   "description": description})
    return schema


def schema_text(kind: str, catalogue: Any = None) -> str:
    """The schema as the files in `schema/` hold it: sorted keys, indent 2, UTF-8 text, a final newline."""
    return json.dumps(json_schema(kind, catalogue), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def schema(kind: str, *, criteria_dir: Path = CRITERIA_DIR) -> Outcome:
    """`ipcheck schema KIND`: the JSON Schema of a file kind, with the indicator ids of `criteria_dir`;
    `result`: the JSON Schema of every command's JSON output (reports/json_types.py)."""
    if kind == "result":
        from ..reports.json_types import result_schema
        return Outcome(text=json.dumps(result_schema(), sort_keys=True, ensure_ascii=False, indent=2) + "\n")
    catalogue = None
    inputs: list[str] = []  # what is read: --output never goes onto it, nor into the criteria folder
    if kind in ("city", "framework"):
        from .library import load_catalogue
        catalogue = load_catalogue(criteria_dir)
        # the whole criteria folder is what it stands on: none of its files is written over
        folders = [CRITERIA_DIR] + ([Path(criteria_dir)] if criteria_dir else [])
        inputs = [str(f) for f in folders] + [str(p) for f in folders for p in sorted(f.glob("*.yaml"))]
    return Outcome(text=schema_text(kind, catalogue), inputs=inputs)
