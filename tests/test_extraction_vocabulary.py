"""The extraction library's vocabulary agrees with the models, and its code keeps a library's shape."""

import ast
from pathlib import Path

from claims import models
from claims.extraction import vocabulary

EXTRACTION = Path(__file__).resolve().parent.parent / "claims" / "extraction"
MAX_LINES = 60  # ruff has no rule for length; C901 (complexity) and PLR0917 are in pyproject.toml
MAX_POSITIONAL = 4
# A function longer than this names what it holds; one-letter loop indices stay fine.
LONG_FUNCTION = 15
INDEX_NAMES = {"i", "j", "k", "_"}


def _constants(namespace: type) -> list[tuple[str, str]]:
    return [(name, value) for name, value in vars(namespace).items() if name.isupper()]


def test_the_kind_names_the_extractor_writes_are_the_models_choices():
    assert _constants(vocabulary.Kind) == [(member.name, member.value) for member in models.Kind]
    assert vocabulary.KINDS == tuple(models.Kind.values)


def test_the_qualifier_names_the_extractor_writes_are_the_models_choices():
    assert _constants(vocabulary.Qualifier) == [(member.name, member.value) for member in models.Qualifier]
    assert vocabulary.QUALIFIERS == tuple(models.Qualifier.values)


def test_every_qualifier_phrase_gives_a_qualifier_the_model_accepts():
    given = set(vocabulary.QUALIFIER_PHRASES.values()) | set(vocabulary.OR_AFTER_NUMBER.values())
    assert given <= set(models.Qualifier.values)


def test_the_word_lists_rules_pick_from_are_in_the_tables_they_look_words_up_in():
    assert set(vocabulary.GLUED_UNITS) <= set(vocabulary.MEASURE_UNITS)
    assert set(vocabulary.CALENDAR_UNITS) <= set(vocabulary.DURATION_UNITS.values()) | {"quarter"}
    assert vocabulary.BARE_ADJECTIVE_MULTIPLIERS <= set(vocabulary.MULTIPLIERS)
    assert {vocabulary.month_number(name) for name in vocabulary.MONTH_ABBREVIATIONS} == set(range(1, 13)) - {5}
    assert set(vocabulary.SEASONS) <= {"spring", "summer", "fall", "autumn", "winter"}


def _functions():
    for path in sorted(EXTRACTION.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield f"{path.name}:{node.lineno} {node.name}", node


def _length(node: ast.AST) -> int:
    return node.end_lineno - node.lineno + 1


def test_no_function_in_the_extraction_library_is_longer_than_60_lines():
    too_long = [f"{where} ({_length(node)} lines)" for where, node in _functions() if _length(node) > MAX_LINES]
    assert too_long == []


def test_no_function_in_the_extraction_library_takes_more_than_4_positional_arguments():
    def positional(node):
        return [arg.arg for arg in node.args.posonlyargs + node.args.args if arg.arg not in ("self", "cls")]

    too_many = [f"{where} {positional(node)}" for where, node in _functions() if len(positional(node)) > MAX_POSITIONAL]
    assert too_many == []


def test_long_functions_in_the_extraction_library_name_what_they_hold():
    def one_letter_names(node):
        stored = {name.id for name in ast.walk(node) if isinstance(name, ast.Name) and isinstance(name.ctx, ast.Store)}
        arguments = {arg.arg for arg in ast.walk(node) if isinstance(arg, ast.arg)}
        return sorted(name for name in stored | arguments if len(name) == 1 and name not in INDEX_NAMES)

    cryptic = [
        f"{where} {one_letter_names(node)}"
        for where, node in _functions()
        if _length(node) > LONG_FUNCTION and one_letter_names(node)
    ]
    assert cryptic == []


def test_plurals_of_irregular_and_several_word_units_read_as_english():
    assert [vocabulary.plural(unit) for unit in ("child", "life", "woman", "crew member", "crime per 100000")] == [
        "children",
        "lives",
        "women",
        "crew members",
        "crimes per 100000",
    ]
    assert vocabulary.singular("lives") == "life" and vocabulary.plural("people") == "people"
