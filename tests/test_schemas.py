"""The JSON formats of the CLIs, validated against the committed JSON Schemas by running the
real commands."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def schema(name: str) -> dict:
    return json.loads((files("geomap") / "schemas" / f"{name}.schema.json").read_text("utf-8"))


def validate(instance, name: str) -> None:
    s = schema(name)
    jsonschema.Draft202012Validator.check_schema(s)
    jsonschema.Draft202012Validator(s).validate(instance)


def geomap(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *argv], capture_output=True,
                          text=True, check=True, timeout=600)


@pytest.mark.parametrize("name", ["geocode", "geoparse", "events-extract"])
def test_schemas_are_valid_json_schemas(name):
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_geocode_json_matches_schema(gazetteer):
    out = json.loads(geomap("geocode", "--json", "Kursk region", "Pokrovsk", "Xqzzyv",
                            "North Korean").stdout)
    validate(out, "geocode")
    assert out[0]["feature"] == "admin1"
    assert out[2]["name"] is None


def test_geoparse_jsonl_matches_schema(tmp_path, gazetteer):
    out = tmp_path / "mentions.jsonl"
    geomap("geoparse", str(SAMPLES), "-o", str(out), "--no-progress")
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(lines) == 7
    for line in lines:
        validate(line, "geoparse")


def test_events_extract_jsonl_matches_schema(tmp_path, gazetteer):
    out = tmp_path / "events.jsonl"
    geomap("events", "extract", str(SAMPLES), "-o", str(out))
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [x["id"] for x in lines][:2] == ["2024-10-23-seoul-deployment.txt",
                                           "2024-11-01-moscow-choe-lavrov.txt"]
    for line in lines:
        validate(line, "events-extract")
        assert sum(e["primary"] for e in line["events"]) <= 1


def test_schema_rejects_a_broken_event():
    bad = {"id": "x", "events": [{"type": "war", "trigger": "war"}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(bad, "events-extract")
